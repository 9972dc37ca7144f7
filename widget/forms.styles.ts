// What the two forms (new ticket, rating) share: labels, fieldsets, their errors. Shipped with them,
// not in widget-app.js (the fields themselves share one rule with the composer's textarea there).
export default `
label, legend {
  display: block;
  margin: 12px 0 6px;
  padding: 0;
  font-weight: 600;
}
fieldset {
  border: 0;
  margin: 0;
  padding: 0;
}
form .error {
  display: block;
  margin-top: 6px;
  background: none;
}
`;

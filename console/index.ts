// Console entry: defines every element; index.html renders <parley-app>.
export { ParleyApp } from './parley-app.ts';

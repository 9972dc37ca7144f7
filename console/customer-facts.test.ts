import { expect } from 'chai';
import { browserAndOs, localTime, safeLink } from './customer-facts.ts';

describe('customer facts', () => {
  it('names browser and OS from a user agent', () => {
    expect(browserAndOs('Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1')).to.equal('Safari 17.4 on iOS 17.4');
    expect(browserAndOs('Mozilla/5.0 (X11; Linux x86_64; rv:125.0) Gecko/20100101 Firefox/125.0')).to.equal('Firefox 125.0 on Linux');
    expect(browserAndOs(undefined)).to.equal('');
    expect(browserAndOs('curl/8.0')).to.be.a('string');
  });

  it('gives the local time in a zone, and nothing for an unknown one', () => {
    const noonUtc = Date.parse('2026-06-01T12:00:00Z');
    expect(localTime('Asia/Tokyo', noonUtc, 'en-GB')).to.equal('Mon 21:00 (Asia/Tokyo)');
    expect(localTime('Nowhere/Else', noonUtc)).to.equal('');
    expect(localTime(undefined)).to.equal('');
  });

  it('links only http(s) addresses', () => {
    expect(safeLink('https://a.example/')).to.equal('https://a.example/');
    expect(safeLink('javascript:alert(1)')).to.equal(null);
    expect(safeLink(' data:text/html,x')).to.equal(null);
  });
});

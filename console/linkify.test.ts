import { expect } from 'chai';
import { linkParts } from './linkify.ts';

describe('linkParts', () => {
  const texts = (s: string) => linkParts(s).map((p) => (typeof p === 'string' ? p : p.text)).join('');

  it('finds http, https and www addresses and leaves sentence punctuation out', () => {
    expect(linkParts('go to https://a.example/x. now')).to.deep.equal(['go to ', { href: 'https://a.example/x', text: 'https://a.example/x' }, '. now']);
    expect(linkParts('(see www.b.example)')).to.deep.equal(['(see ', { href: 'https://www.b.example/', text: 'www.b.example' }, ')']);
    expect(linkParts('https://en.wikipedia.org/wiki/Foo_(bar)')[0]).to.deep.include({ text: 'https://en.wikipedia.org/wiki/Foo_(bar)' });
  });

  it('never links other schemes, and gives the text back unchanged', () => {
    for (const s of ['javascript:alert(1)', 'data:text/html,<b>x</b>', 'mailto:a@b.c', 'no links here', '<img src=x onerror=1>', 'http://']) {
      expect(linkParts(s).every((p) => typeof p === 'string'), s).to.equal(true);
      expect(texts(s)).to.equal(s);
    }
    const mixed = 'a https://x.example/"onmouseover="alert(1) b';
    expect(texts(mixed)).to.equal(mixed);
    expect((linkParts(mixed)[1] as { href: string }).href).to.not.contain('"');
  });
});

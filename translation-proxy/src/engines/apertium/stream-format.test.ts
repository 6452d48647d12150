import { describe, expect, it } from 'vitest';
import { fromApertiumStream, normaliseSpacing, toApertiumStream } from './stream-format.js';

describe('toApertiumStream', () => {
  it('turns placeholders into superblanks and escapes reserved characters', () => {
    expect(toApertiumStream('Pay $5 to <x id="1"/> [now]')).toBe(
      'Pay \\$5 to [<x id="1"/>] \\[now\\]',
    );
  });

  it('unescapes XML entities before escaping for Apertium', () => {
    expect(toApertiumStream('a &lt;b&gt; &amp; c')).toBe('a \\<b\\> & c');
  });

  it('wraps a tilde in a superblank so the post-generator leaves it alone', () => {
    expect(toApertiumStream('~/docs')).toBe('[~]\\/docs');
  });

  it('wraps stars and hashes in superblanks, so they are never read as marks', () => {
    expect(toApertiumStream('*new* #1')).toBe('[*]new[*] [#]1');
  });
});

describe('fromApertiumStream', () => {
  it('restores placeholders and XML-escapes the text around them', () => {
    expect(fromApertiumStream('Paga \\<b\\> & [<x id="1"/>] \\[ya\\][]')).toBe(
      'Paga &lt;b&gt; &amp; <x id="1"/> [ya]',
    );
  });

  it('turns * and @ marks into unknown-word marks and drops # marks', () => {
    expect(fromApertiumStream('El *zorblax y @quux #tomar.')).toBe(
      'El \uFDD0zorblax\uFDD1 y \uFDD0quux\uFDD1 tomar.',
    );
  });

  it('drops a # mark before punctuation the generator lacked, keeping the punctuation', () => {
    expect(fromApertiumStream('un timbre *Wi#-*Fi y el *T#-*Rex')).toBe(
      'un timbre \uFDD0Wi\uFDD1-\uFDD0Fi\uFDD1 y el \uFDD0T\uFDD1-\uFDD0Rex\uFDD1',
    );
  });

  it('drops the # joining a multiword verb whose tail the transfer left in place', () => {
    expect(fromApertiumStream('They take# out a loan')).toBe('They take out a loan');
  });

  it('keeps a # the source wrote, which reaches the output inside a superblank', () => {
    expect(fromApertiumStream(toApertiumStream('Pedido #1 y #-2'))).toBe('Pedido #1 y #-2');
  });

  it('round-trips text that Apertium passes through unchanged', () => {
    const masked = 'a/b ^x$ @user *star {c} ~t &amp; <x id="7"/>';
    expect(fromApertiumStream(toApertiumStream(masked))).toBe(masked);
  });
});

describe('normaliseSpacing', () => {
  it('collapses space runs and removes spaces Apertium put before punctuation', () => {
    expect(normaliseSpacing(' Hola  mundo , ¿ qué tal ?', 'Hello world, how are you?')).toBe(
      'Hola mundo, ¿qué tal?',
    );
  });

  it('keeps the leading and trailing whitespace of the source segment', () => {
    expect(normaliseSpacing('Hola', ' Hello ')).toBe(' Hola ');
  });

  it('keeps only the whitespace that ends the source, not a long run inside it', () => {
    const source = `Hello${' '.repeat(30_000)}world\n`;
    expect(normaliseSpacing('Hola mundo', source)).toBe('Hola mundo\n');
  });
});

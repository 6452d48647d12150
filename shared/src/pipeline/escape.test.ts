// Plain text written as HTML: the agent's draft in the helpdesk editor, a text reply posted.
import { describe, expect, it } from 'vitest';
import { textToHtml } from './escape.js';

describe('textToHtml', () => {
  it('turns blank lines into paragraphs and single breaks into <br>, escaping markup', () => {
    expect(textToHtml('Hola María,\n\nTu pedido <48213> llega el viernes.\nSaludos')).toBe(
      '<p>Hola María,</p><p>Tu pedido &lt;48213&gt; llega el viernes.<br>Saludos</p>',
    );
  });

  it('reads Windows line breaks like any others', () => {
    expect(textToHtml('Bonjour,\r\n\r\nMerci & à bientôt\r\nLéa')).toBe(
      '<p>Bonjour,</p><p>Merci &amp; à bientôt<br>Léa</p>',
    );
  });
});

// Tenant engine settings as an admin writes them: Google's two editions, what is refused and why,
// and what is sealed and shown.
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { serviceAccountKeyFile } from '../../../tests/support/google-service-account.js';
import { createSecretBox } from '../secrets.js';
import { parseEngineSettings, redactEngineSettings, sealEngineSettings } from './settings.js';

/** A key file as Google's console downloads it, extra fields included. */
const { keyFile } = serviceAccountKeyFile('acme-support-prod');
const privateKey = keyFile.private_key;

const v3 = {
  kind: 'google',
  projectId: 'acme-support-prod',
  location: 'us-central1',
  serviceAccountKey: keyFile,
  glossaries: [
    { source: 'en', target: 'es', id: 'acme-en-es' },
    { source: 'en', target: 'de', id: 'acme_en_de', ignoreCase: true },
  ],
};

const settingsWith = (google: object) => ({ engines: [google, { kind: 'apertium' }] });

describe('Google engine settings', () => {
  it('accepts the v3 edition with a downloaded key file and glossaries per pair', () => {
    expect(parseEngineSettings(settingsWith(v3)).engines[0]).toEqual(v3);
  });

  it('still accepts the v2 edition with an API key', () => {
    const v2 = { kind: 'google', apiKey: 'AIzaSyD-9tSrke72PouQMnMX-a7eZSW0jkFMBWY' };
    expect(parseEngineSettings(settingsWith(v2)).engines[0]).toEqual(v2);
  });

  it('refuses glossaries in the global location, naming the fix', () => {
    for (const location of ['global', undefined])
      expect(() => parseEngineSettings(settingsWith({ ...v3, location }))).toThrow(
        /regional "location" such as "us-central1"/,
      );
  });

  it('accepts the global location without glossaries', () => {
    const { glossaries: _, ...plain } = v3;
    expect(() => parseEngineSettings(settingsWith({ ...plain, location: 'global' }))).not.toThrow();
  });

  it('refuses a glossary id that is a path', () => {
    expect(() =>
      parseEngineSettings(
        settingsWith({
          ...v3,
          glossaries: [{ source: 'en', target: 'es', id: '../../other-project/glossaries/x' }],
        }),
      ),
    ).toThrow(/glossaries\/0\/id/);
  });

  it('refuses a key that is not a service-account key', () => {
    expect(() =>
      parseEngineSettings(
        settingsWith({ ...v3, serviceAccountKey: { ...keyFile, type: 'authorized_user' } }),
      ),
    ).toThrow(/serviceAccountKey\/type/);
    expect(() =>
      parseEngineSettings(
        settingsWith({ ...v3, serviceAccountKey: { ...keyFile, private_key: 'not a key' } }),
      ),
    ).toThrow(/serviceAccountKey\/private_key: must match pattern/);
  });

  it('refuses a private key that does not parse, without quoting it', () => {
    const garbled = `-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n-----END PRIVATE KEY-----\n`;
    expect(() =>
      parseEngineSettings(
        settingsWith({ ...v3, serviceAccountKey: { ...keyFile, private_key: garbled } }),
      ),
    ).toThrow(/private_key is not a readable PEM private key$/);
  });

  it('refuses an API key and a service account in one Google engine', () => {
    expect(() =>
      parseEngineSettings(settingsWith({ ...v3, apiKey: 'AIzaSyD-9tSrke72PouQMnMX' })),
    ).toThrow(/engines\/0\/apiKey/);
  });

  it('seals the key file and shows it as [secret]', () => {
    const box = createSecretBox(randomBytes(32));
    const { settings, sealed } = sealEngineSettings(box, JSON.stringify(settingsWith(v3)));
    expect(sealed).not.toContain('BEGIN PRIVATE KEY');
    expect(JSON.parse(box.open(sealed))).toEqual(settings);
    const shown = JSON.stringify(redactEngineSettings(settings));
    expect(shown).not.toContain(privateKey.split('\n')[1]);
    expect(redactEngineSettings(settings).engines[0]).toMatchObject({
      projectId: 'acme-support-prod',
      serviceAccountKey: '[secret]',
      glossaries: v3.glossaries,
    });
  });
});

describe('engine URLs', () => {
  const withUrl = (engine: object) => ({ engines: [engine] });
  const libre = (url: string) => withUrl({ kind: 'libretranslate', url });

  it('accept https servers', () => {
    expect(() => parseEngineSettings(libre('https://translate.acme.example'))).not.toThrow();
    expect(() =>
      parseEngineSettings(withUrl({ kind: 'apy', url: 'https://10.0.4.7:2737' })),
    ).not.toThrow();
  });

  it('refuse plain http unless PARLEY_ALLOW_HTTP_ENGINES allows it', () => {
    expect(() =>
      parseEngineSettings(withUrl({ kind: 'apy', url: 'http://127.0.0.1:2737' })),
    ).toThrow(
      'engine settings apy: "url" must be https (plain http only with PARLEY_ALLOW_HTTP_ENGINES=1, for local test engines)',
    );
    expect(
      parseEngineSettings(withUrl({ kind: 'apy', url: 'http://127.0.0.1:2737' }), {
        allowHttp: true,
      }).engines,
    ).toEqual([{ kind: 'apy', url: 'http://127.0.0.1:2737' }]);
  });

  it('refuse link-local and cloud metadata addresses in every notation, http allowed or not', () => {
    for (const url of [
      'https://169.254.169.254/latest',
      'https://169.254.1.9',
      'https://2852039166',
      'https://0xa9fea9fe',
      'https://[::ffff:169.254.169.254]',
      'https://[fe80::1]:5000',
      'https://[fd00:ec2::254]',
      'https://100.100.100.200',
      'https://metadata.google.internal',
      'https://METADATA.GOOGLE.INTERNAL.',
    ])
      expect(() => parseEngineSettings(libre(url), { allowHttp: true }), url).toThrow(
        /link-local address or a cloud metadata service/,
      );
  });

  it('check the endpoint overrides of the cloud engines too', () => {
    expect(() =>
      parseEngineSettings(
        withUrl({ kind: 'deepl', authKey: 'k:fx', serverUrl: 'https://169.254.169.254' }),
      ),
    ).toThrow('engine settings deepl: "serverUrl" points at a link-local address');
    expect(() =>
      parseEngineSettings(withUrl({ kind: 'azure', key: 'k', endpoint: 'http://azure.example' })),
    ).toThrow('engine settings azure: "endpoint" must be https');
  });

  it('refuse credentials in the URL', () => {
    expect(() => parseEngineSettings(libre('https://user:secret@translate.acme.example'))).toThrow(
      /must not carry credentials/,
    );
  });
});

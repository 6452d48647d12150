/**
 * A throwaway Google service account for tests: a fresh RSA key pair and the JSON key file as
 * Google's console downloads it (extra fields included), for a project id.
 */
import { generateKeyPairSync } from 'node:crypto';

export function serviceAccountKeyFile(projectId: string) {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  });
  return {
    /** Held by Google only: what the token stand-in checks signatures with. */
    publicKey,
    keyFile: {
      type: 'service_account' as const,
      project_id: projectId,
      private_key_id: '3f1c5e0b9d2a47c68e1f0a9b8c7d6e5f4a3b2c1d',
      private_key: privateKey,
      client_email: `parley-translate@${projectId}.iam.gserviceaccount.com`,
      client_id: '104729817263549872634',
      auth_uri: 'https://accounts.google.com/o/oauth2/auth',
      token_uri: 'https://oauth2.googleapis.com/token',
      universe_domain: 'googleapis.com',
    },
  };
}

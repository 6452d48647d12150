/** Sign-in: email and password; the proxy sets the session cookie. */
import { Button } from '@zendeskgarden/react-buttons';
import { Field, Input } from '@zendeskgarden/react-forms';
import { Alert } from '@zendeskgarden/react-notifications';
import { useState, type FormEvent } from 'react';
import { useI18n } from '../i18n/I18nProvider.js';
import { errorMessage } from './errorMessage.js';
import type { QueueApi, Translator } from './queueApi.js';

export function LoginForm({
  api,
  onSignedIn,
}: {
  api: QueueApi;
  onSignedIn: (translator: Translator) => void;
}) {
  const { t } = useI18n();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      onSignedIn(await api.login(email.trim(), password));
    } catch (failure) {
      setError(errorMessage(t, failure));
      setBusy(false);
    }
  }

  return (
    <form className="parley-login" onSubmit={(event) => void submit(event)}>
      <h1>{t('workspace.signIn.heading')}</h1>
      {error && (
        <Alert type="error" role="alert">
          {error}
        </Alert>
      )}
      <Field>
        <Field.Label>{t('workspace.signIn.email')}</Field.Label>
        <Input
          type="email"
          autoComplete="username"
          required
          autoFocus
          value={email}
          onChange={(event) => setEmail(event.target.value)}
        />
      </Field>
      <Field>
        <Field.Label>{t('workspace.signIn.password')}</Field.Label>
        <Input
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(event) => setPassword(event.target.value)}
        />
      </Field>
      <Button type="submit" isPrimary disabled={busy}>
        {busy ? t('workspace.signIn.busy') : t('workspace.signIn.submit')}
      </Button>
    </form>
  );
}

import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

import { isApiError } from '../api/client';
import type { Language } from '../api/types';
import { applyLanguage, currentLanguage, LANGUAGES, storeLanguage } from '../i18n';
import { describeError } from '../ui/errors';
import { Field } from '../ui/Field';
import { useSignIn } from './session';

export function SignInPage() {
  const { t } = useTranslation();
  const signIn = useSignIn();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [missing, setMissing] = useState<{ email?: boolean; password?: boolean }>({});
  // Only a language picked here replaces the user's saved one; the browser's default does not.
  const [pickedLanguage, setPickedLanguage] = useState<Language | null>(null);

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const nextMissing = { email: email.trim() === '', password: password === '' };
    setMissing(nextMissing);
    if (nextMissing.email || nextMissing.password) return;
    signIn.mutate({ email: email.trim(), password, language: pickedLanguage });
  }

  function handleLanguage(language: Language) {
    setPickedLanguage(language);
    storeLanguage(language);
    void applyLanguage(language);
  }

  const error = signIn.error;

  return (
    <main className="sign-in">
      <div className="sign-in-panel">
        <div className="brand brand-large">
          <span className="brand-mark" aria-hidden="true" />
          <span className="brand-name">{t('app.name')}</span>
        </div>
        <h1 className="sign-in-title">{t('signIn.title')}</h1>
        <p className="sign-in-intro">{t('signIn.intro')}</p>

        {error ? (
          <div className="notice notice-error" role="alert">
            <p>{isApiError(error, 'INVALID_CREDENTIALS') ? t('signIn.invalidCredentials') : describeError(t, error)}</p>
          </div>
        ) : null}

        <form onSubmit={handleSubmit} noValidate className="form-stack">
          <Field label={t('signIn.email')} error={missing.email ? t('signIn.emailRequired') : undefined}>
            {(control) => (
              <input
                {...control}
                type="email"
                autoComplete="username"
                value={email}
                onChange={(event) => setEmail(event.target.value)}
                autoFocus
              />
            )}
          </Field>
          <Field label={t('signIn.password')} error={missing.password ? t('signIn.passwordRequired') : undefined}>
            {(control) => (
              <input
                {...control}
                type="password"
                autoComplete="current-password"
                value={password}
                onChange={(event) => setPassword(event.target.value)}
              />
            )}
          </Field>
          <button type="submit" className="button button-primary button-block" disabled={signIn.isPending}>
            {signIn.isPending ? t('signIn.submitting') : t('signIn.submit')}
          </button>
        </form>

        <label className="sign-in-language">
          <span>{t('user.language')}</span>
          <select value={currentLanguage()} onChange={(event) => handleLanguage(event.target.value as Language)}>
            {LANGUAGES.map((language) => (
              <option key={language} value={language} lang={language}>
                {t(`languages.${language}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
    </main>
  );
}

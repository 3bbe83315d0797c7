import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

import { fetchPage } from '../api/endpoints';
import type { Language, NamedRef, Person } from '../api/types';
import { useSession } from '../auth/session';
import { fieldErrorsFromProblem } from '../forms/fieldErrors';
import { Dialog } from '../ui/Dialog';
import { describeError } from '../ui/errors';
import { Field } from '../ui/Field';
import { UserSelect } from '../ui/UserSelect';
import { companySalesKey, sales } from './salesApi';

interface SaleFormDialogProps {
  company: NamedRef;
  /** The person the sale starts with, when it is registered from a person card. */
  personId?: number;
  open: boolean;
  onClose: () => void;
  onSaved: () => void;
}

/** Today's date in the browser's time zone, as YYYY-MM-DD. */
function today(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

/**
 * Reads an amount of euros as people write it in their language: Dutch "12.500" and "1.250,50",
 * English "12,500" and "1,250.50", or plain digits, with an optional € sign. Returns NaN for
 * anything else, such as "1,250.50" in Dutch, so an amount is never read with its separators
 * swapped.
 */
export function parseAmount(text: string, language: Language): number {
  const compact = text.replace(/\s/g, '').replace(/^€|€$/g, '');
  const [thousands, decimal] = language === 'nl' ? ['.', ','] : [',', '.'];
  const grouped = new RegExp(`^\\d{1,3}(\\${thousands}\\d{3})+(\\${decimal}\\d{1,2})?$`);
  const plain = new RegExp(`^\\d+(\\${decimal}\\d{1,2})?$`);
  if (!grouped.test(compact) && !plain.test(compact)) return Number.NaN;
  return Number(compact.split(thousands).join('').replace(decimal, '.'));
}

/** Registers a new sale of the company: title, amount, owner, date and optionally one of its persons. */
export function SaleFormDialog({ company, personId: initialPersonId, open, onClose, onSaved }: SaleFormDialogProps) {
  const { t, i18n } = useTranslation();
  const { user } = useSession();
  const queryClient = useQueryClient();
  const [title, setTitle] = useState('');
  const [amount, setAmount] = useState('');
  const [ownerId, setOwnerId] = useState(String(user.id));
  const [saleDate, setSaleDate] = useState(today);
  const [personId, setPersonId] = useState(initialPersonId === undefined ? '' : String(initialPersonId));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const persons = useQuery({
    queryKey: ['persons', 'ofCompany', company.id],
    queryFn: () =>
      fetchPage<Person>('persons', { filter: [{ field: 'company', operator: 'isOneOf', values: [company.id] }], sort: 'lastName', limit: 500 }),
    enabled: open,
  });

  function reset() {
    setTitle('');
    setAmount('');
    setOwnerId(String(user.id));
    setSaleDate(today());
    setPersonId('');
    setErrors({});
    setFailure(null);
  }

  function close() {
    reset();
    onClose();
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (title.trim() === '') found.title = t('validation.required');
    const parsedAmount = amount.trim() === '' ? null : parseAmount(amount, i18n.language as Language);
    if (parsedAmount !== null && Number.isNaN(parsedAmount)) found.amount = t('sales.invalidAmount');
    if (saleDate === '') found.saleDate = t('validation.required');
    setErrors(found);
    if (Object.keys(found).length > 0) return;

    setBusy(true);
    setFailure(null);
    try {
      await sales.create({
        title: title.trim(),
        companyId: company.id,
        amount: parsedAmount,
        ownerId: ownerId === '' ? null : Number(ownerId),
        saleDate,
        personId: personId === '' ? null : Number(personId),
      });
      await queryClient.invalidateQueries({ queryKey: companySalesKey(company.id) });
      reset();
      onSaved();
    } catch (error) {
      setErrors(fieldErrorsFromProblem(t, error));
      setFailure(error);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog
      title={t('sales.newTitle', { company: company.name })}
      open={open}
      onClose={close}
      footer={
        <>
          <button type="button" className="button button-ghost" onClick={close} disabled={busy}>
            {t('common.cancel')}
          </button>
          <button type="submit" form="sale-form" className="button button-primary" disabled={busy}>
            {busy ? t('common.saving') : t('common.save')}
          </button>
        </>
      }
    >
      <form id="sale-form" className="form-grid sale-form" onSubmit={(event) => void submit(event)} noValidate>
        <Field label={t('sales.title')} error={errors.title} required>
          {(control) => <input {...control} type="text" maxLength={200} value={title} onChange={(event) => setTitle(event.target.value)} />}
        </Field>
        <Field label={t('sales.amount')} error={errors.amount} hint={t('sales.amountHint')}>
          {(control) => <input {...control} type="text" inputMode="decimal" value={amount} onChange={(event) => setAmount(event.target.value)} />}
        </Field>
        <Field label={t('sales.owner')} error={errors.ownerId}>
          {(control) => <UserSelect {...control} value={ownerId} onChange={setOwnerId} />}
        </Field>
        <Field label={t('sales.saleDate')} error={errors.saleDate} required>
          {(control) => <input {...control} type="date" value={saleDate} onChange={(event) => setSaleDate(event.target.value)} />}
        </Field>
        <Field label={t('sales.person')} error={errors.personId}>
          {(control) => (
            <select {...control} value={personId} onChange={(event) => setPersonId(event.target.value)} disabled={persons.isPending}>
              <option value="">{t('sales.noPerson')}</option>
              {(persons.data?.items ?? []).map((person) => (
                <option key={person.id} value={String(person.id)}>
                  {person.fullName}
                </option>
              ))}
            </select>
          )}
        </Field>
      </form>
      {failure !== null && Object.keys(errors).length === 0 ? (
        <div className="notice notice-error" role="alert">
          <p>{describeError(t, failure)}</p>
        </div>
      ) : null}
    </Dialog>
  );
}

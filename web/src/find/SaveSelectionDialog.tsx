import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

import { selections } from '../api/endpoints';
import type { Criterion, Language, Selection, SelectionEntity, SelectionKind, SelectionVisibility } from '../api/types';
import { fieldErrorsFromProblem } from '../forms/fieldErrors';
import { formatNumber } from '../i18n/format';
import { Dialog } from '../ui/Dialog';
import { describeError } from '../ui/errors';
import { Field } from '../ui/Field';

interface SaveSelectionDialogProps {
  open: boolean;
  entity: SelectionEntity;
  criteria: Criterion[][];
  /** Records the criteria match now, for the static option's explanation; null when unknown. */
  count: number | null;
  onClose: () => void;
  onSaved: (selection: Selection) => void;
}

const MAX_NAME_LENGTH = 200;
const MAX_DESCRIPTION_LENGTH = 2000;

/** Saves the search as a new selection: dynamic (the criteria) or static (the records found now). */
export function SaveSelectionDialog(props: SaveSelectionDialogProps) {
  // The form unmounts when closed, so the next opening starts empty.
  if (!props.open) return null;
  return <SaveSelectionForm {...props} />;
}

function SaveSelectionForm({ entity, criteria, count, onClose, onSaved }: SaveSelectionDialogProps) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const queryClient = useQueryClient();
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [kind, setKind] = useState<SelectionKind>('dynamic');
  const [visibility, setVisibility] = useState<SelectionVisibility>('everyone');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  function validate(): boolean {
    const found: Record<string, string> = {};
    if (name.trim() === '') found.name = t('validation.required');
    else if (name.trim().length > MAX_NAME_LENGTH) found.name = t('validation.tooLongMax', { max: MAX_NAME_LENGTH });
    if (description.trim().length > MAX_DESCRIPTION_LENGTH) found.description = t('validation.tooLongMax', { max: MAX_DESCRIPTION_LENGTH });
    setErrors(found);
    return Object.keys(found).length === 0;
  }

  async function save() {
    setBusy(true);
    setFailure(null);
    try {
      const created = await selections.create({
        name: name.trim(),
        description: description.trim() === '' ? null : description.trim(),
        entity,
        kind: 'dynamic',
        criteria,
        visibility,
      });
      // The server fixes a static selection's members from its criteria in one statement, however
      // many records match. Sending memberIds instead would mean loading every id here first.
      const saved = kind === 'static' ? await makeStatic(created) : created;
      await queryClient.invalidateQueries({ queryKey: ['selections'] });
      onSaved(saved);
    } catch (error) {
      setErrors(fieldErrorsFromProblem(t, error));
      setFailure(error);
      setBusy(false);
    }
  }

  /**
   * Turns the new selection static. Should that fail, the dynamic one is deleted again, so the user
   * does not end up with a selection of a kind they did not choose.
   */
  async function makeStatic(created: Selection): Promise<Selection> {
    try {
      return await selections.makeStatic(created.id, created.version);
    } catch (error) {
      await selections.remove(created.id, created.version).catch(() => undefined);
      throw error;
    }
  }

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    if (busy || !validate()) return;
    void save();
  }

  const formId = 'find-save-selection';

  return (
    <Dialog
      title={t('find.saveTitle')}
      open
      onClose={onClose}
      size="small"
      footer={
        <>
          <button type="button" className="button button-ghost" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" form={formId} className="button button-primary" disabled={busy}>
            {busy ? t('common.saving') : t('find.saveSubmit')}
          </button>
        </>
      }
    >
      <form id={formId} className="form-stack" onSubmit={handleSubmit} noValidate>
        {failure !== null ? (
          <div className="notice notice-error" role="alert">
            <p>{describeError(t, failure)}</p>
          </div>
        ) : null}

        <Field label={t('find.selectionName')} error={errors.name} required>
          {(control) => (
            <input {...control} type="text" autoComplete="off" value={name} onChange={(event) => setName(event.target.value)} autoFocus />
          )}
        </Field>
        <Field label={t('find.selectionDescription')} error={errors.description}>
          {(control) => (
            <textarea {...control} className="find-textarea" rows={3} value={description} onChange={(event) => setDescription(event.target.value)} />
          )}
        </Field>

        <fieldset className="choice-group">
          <legend className="field-label">{t('find.selectionKind')}</legend>
          {(['dynamic', 'static'] as const).map((option) => (
            <label key={option} className="choice find-kind-choice">
              <input type="radio" name="find-selection-kind" checked={kind === option} onChange={() => setKind(option)} />
              <span>
                <span className="find-kind-name">{t(`find.kinds.${option}`)}</span>
                <span className="field-hint find-kind-hint">
                  {option === 'dynamic'
                    ? t('find.kindHints.dynamic')
                    : count === null
                      ? t('find.kindHints.staticUncounted')
                      : t('find.kindHints.static', { count, formatted: formatNumber(count, language) })}
                </span>
              </span>
            </label>
          ))}
        </fieldset>

        <fieldset className="choice-group">
          <legend className="field-label">{t('find.visibility')}</legend>
          {(['everyone', 'owner'] as const).map((option) => (
            <label key={option} className="choice">
              <input type="radio" name="find-selection-visibility" checked={visibility === option} onChange={() => setVisibility(option)} />
              {t(`find.visibilities.${option}`)}
            </label>
          ))}
        </fieldset>
      </form>
    </Dialog>
  );
}

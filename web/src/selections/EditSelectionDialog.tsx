import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

import { selections, type SelectionPatch } from '../api/endpoints';
import type { Selection, SelectionVisibility } from '../api/types';
import { useSession } from '../auth/session';
import { ConflictNotice } from '../forms/ConflictNotice';
import { fieldErrorsFromProblem } from '../forms/fieldErrors';
import { textOrNull, useVersionedDraft } from '../forms/useVersionedDraft';
import { Dialog } from '../ui/Dialog';
import { Field } from '../ui/Field';
import { describeSelectionError, isConflict } from './selectionErrors';
import { selectionKeys } from './selectionQueries';

type SelectionDraft = {
  name: string;
  description: string;
  visibility: SelectionVisibility;
};

type DraftKey = keyof SelectionDraft;

/** Maximum lengths the API accepts, checked here first so the message appears before saving. */
const MAX_NAME_LENGTH = 200;
const MAX_DESCRIPTION_LENGTH = 2000;

function draftOf(selection: Selection | null): SelectionDraft {
  return {
    name: selection?.name ?? '',
    description: selection?.description ?? '',
    visibility: selection?.visibility ?? 'everyone',
  };
}

function toPatch(draft: SelectionDraft, keys: DraftKey[]): SelectionPatch {
  const patch: SelectionPatch = {};
  for (const key of keys) {
    if (key === 'name') patch.name = draft.name.trim();
    else if (key === 'description') patch.description = textOrNull(draft.description);
    else patch.visibility = draft.visibility;
  }
  return patch;
}

interface EditSelectionDialogProps {
  open: boolean;
  selection: Selection;
  onClose: () => void;
  onSaved: (selection: Selection) => void;
}

export function EditSelectionDialog(props: EditSelectionDialogProps) {
  // The form unmounts when closed, so an abandoned edit never shows up at the next opening.
  if (!props.open) return null;
  return <EditSelectionForm {...props} />;
}

function EditSelectionForm({ selection, onClose, onSaved }: EditSelectionDialogProps) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const { user } = useSession();
  const form = useVersionedDraft<Selection, SelectionDraft>(selection, draftOf);
  const [errors, setErrors] = useState<Partial<Record<DraftKey, string>>>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const draft = form.draft;
  // The server lists another user's selection only while it is shared, so only the owner may make it private.
  const ownSelection = selection.owner.id === user.id;

  const labels: Record<DraftKey, string> = {
    name: t('fields.name'),
    description: t('selections.fields.description'),
    visibility: t('selections.fields.visibility'),
  };

  function validate(): boolean {
    const found: Partial<Record<DraftKey, string>> = {};
    if (draft.name.trim() === '') found.name = t('validation.required');
    else if (draft.name.trim().length > MAX_NAME_LENGTH) found.name = t('validation.tooLongMax', { max: MAX_NAME_LENGTH });
    if (draft.description.trim().length > MAX_DESCRIPTION_LENGTH) found.description = t('validation.tooLongMax', { max: MAX_DESCRIPTION_LENGTH });
    setErrors(found);
    return Object.keys(found).length === 0;
  }

  async function save(version: number, keys: DraftKey[]) {
    setBusy(true);
    setFailure(null);
    try {
      const saved = await selections.update(selection.id, version, toPatch(draft, keys));
      queryClient.setQueryData(selectionKeys.record(saved.id), saved);
      await queryClient.invalidateQueries({ queryKey: selectionKeys.list });
      onSaved(saved);
    } catch (error) {
      if (isConflict(error)) {
        try {
          form.setNewer(await selections.get(selection.id));
        } catch (reloadError) {
          setFailure(reloadError);
        }
      } else {
        setErrors(fieldErrorsFromProblem(t, error));
        setFailure(error);
      }
    } finally {
      setBusy(false);
    }
  }

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    if (!validate()) return;
    if (form.changed.length === 0) {
      onClose();
      return;
    }
    void save(form.base?.version ?? selection.version, form.changed as DraftKey[]);
  }

  function handleOverwrite() {
    const keys = form.changed as DraftKey[];
    const latest = form.rebaseOnNewer();
    if (latest !== null) void save(latest.version, keys);
  }

  const formId = `selection-form-${selection.id}`;
  const changedByOther = form.changedByOther.map((key) => labels[key as DraftKey]);

  return (
    <Dialog
      title={t('selections.editTitle')}
      open
      onClose={onClose}
      size="medium"
      footer={
        <>
          <button type="button" className="button button-ghost" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" form={formId} className="button button-primary" disabled={busy || form.newer !== null}>
            {busy ? t('common.saving') : t('common.save')}
          </button>
        </>
      }
    >
      <form id={formId} onSubmit={handleSubmit} noValidate className="form-stack selection-form">
        {form.newer !== null ? (
          <ConflictNotice changedByOther={changedByOther} onOverwrite={handleOverwrite} onReload={form.loadNewer} busy={busy} />
        ) : null}
        {failure !== null ? (
          <div className="notice notice-error" role="alert">
            <p>{describeSelectionError(t, failure)}</p>
          </div>
        ) : null}

        <Field label={labels.name} error={errors.name} required>
          {(control) => <input {...control} type="text" autoComplete="off" value={draft.name} onChange={(event) => form.set('name', event.target.value)} />}
        </Field>
        <Field label={labels.description} error={errors.description} hint={t('selections.fields.descriptionHint')}>
          {(control) => (
            <textarea {...control} rows={3} value={draft.description} onChange={(event) => form.set('description', event.target.value)} />
          )}
        </Field>
        <fieldset className="selection-visibility" disabled={!ownSelection} aria-describedby={ownSelection ? undefined : `${formId}-visibility-hint`}>
          <legend className="field-label">{labels.visibility}</legend>
          <label className="choice">
            <input
              type="radio"
              name={`${formId}-visibility`}
              value="everyone"
              checked={draft.visibility === 'everyone'}
              onChange={() => form.set('visibility', 'everyone')}
            />
            <span>
              {t('selections.visibility.everyone')}
              <span className="selection-choice-hint">{t('selections.fields.everyoneHint')}</span>
            </span>
          </label>
          <label className="choice">
            <input
              type="radio"
              name={`${formId}-visibility`}
              value="owner"
              checked={draft.visibility === 'owner'}
              onChange={() => form.set('visibility', 'owner')}
            />
            <span>
              {t('selections.visibility.owner')}
              <span className="selection-choice-hint">{t('selections.fields.ownerHint')}</span>
            </span>
          </label>
          {ownSelection ? null : (
            <p id={`${formId}-visibility-hint`} className="field-hint">
              {t('selections.fields.visibilityOwnerOnly', { owner: selection.owner.name })}
            </p>
          )}
          {errors.visibility ? <p className="field-error">{errors.visibility}</p> : null}
        </fieldset>
      </form>
    </Dialog>
  );
}

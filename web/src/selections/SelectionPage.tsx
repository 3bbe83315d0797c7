import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { isApiError } from '../api/client';
import { selections } from '../api/endpoints';
import type { Language, Selection } from '../api/types';
import { Link, navigate, paths } from '../app/router';
import { useSession } from '../auth/session';
import { BulkUpdateDialog } from '../bulk/BulkUpdateDialog';
import { formatDate } from '../i18n/format';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { EmptyState, ErrorNotice, Spinner } from '../ui/feedback';
import { useToast } from '../ui/toast';
import { AddMembersDialog } from './AddMembersDialog';
import { CopyResult } from './CopyResult';
import { CriteriaSummary } from './CriteriaSummary';
import { DeleteSelectionDialog } from './DeleteSelectionDialog';
import { EditSelectionDialog } from './EditSelectionDialog';
import { describeSelectionError, isConflict } from './selectionErrors';
import { countedRecords, entityLabel, kindLabel, recordsWord, visibilityBadge } from './selectionLabels';
import { refreshSelection, selectionKeys, useFreshSelectionRecords, useSelection, useSelectionTotal } from './selectionQueries';
import { editCriteriaPath, SelectionRecords } from './SelectionRecords';
import { useCopySelection } from './useCopySelection';

/** Renders one saved selection: its records as a list and what can be done with them. */
export default function SelectionPage({ selectionId }: { selectionId: number }) {
  const { t } = useTranslation();
  const selection = useSelection(selectionId);

  if (selection.isPending) return <Spinner label={t('common.loading')} />;
  if (selection.isError) {
    return (
      <div className="page">
        <Breadcrumb name={null} />
        {isApiError(selection.error, 'NOT_FOUND') ? (
          <EmptyState
            title={t('selections.notFoundTitle')}
            action={
              <Link to={paths.selections} className="button button-secondary">
                {t('selections.backToList')}
              </Link>
            }
          >
            {t('selections.notFoundText')}
          </EmptyState>
        ) : (
          <ErrorNotice error={selection.error} onRetry={() => void selection.refetch()} />
        )}
      </div>
    );
  }
  return <SelectionView selection={selection.data} />;
}

function Breadcrumb({ name }: { name: string | null }) {
  const { t } = useTranslation();
  return (
    <nav aria-label={t('common.breadcrumb')} className="breadcrumb">
      <Link to={paths.selections}>{t('selections.title')}</Link>
      {name === null ? null : (
        <>
          <span aria-hidden="true"> / </span>
          <span aria-current="page" title={name}>
            {name}
          </span>
        </>
      )}
    </nav>
  );
}

type OpenDialog = 'edit' | 'delete' | 'makeStatic' | 'addMembers' | 'bulk' | 'removeMembers' | null;

function SelectionView({ selection }: { selection: Selection }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const { user } = useSession();
  const toast = useToast();
  const copying = useCopySelection();
  const total = useSelectionTotal(selection);
  useFreshSelectionRecords(selection);
  const [dialog, setDialog] = useState<OpenDialog>(null);
  const [removing, setRemoving] = useState<number[]>([]);
  const queryClient = useQueryClient();
  const count = total.data ?? null;
  const close = () => setDialog(null);

  return (
    <div className="page page-list page-selection">
      <Breadcrumb name={selection.name} />
      <header className="card-header">
        <div>
          <p className="card-kind">{t('selections.card')}</p>
          <h1 className="page-title">{selection.name}</h1>
          {selection.description ? <p className="selection-page-description">{selection.description}</p> : null}
          <ul className="selection-badges" aria-label={t('selections.propertiesLabel')}>
            <li className={`badge selection-kind-${selection.kind}`}>{kindLabel(t, selection)}</li>
            <li className="badge selection-badge">
              <span className={`icon ${selection.entity === 'person' ? 'icon-person' : 'icon-building'}`} aria-hidden="true" />
              {entityLabel(t, selection)}
            </li>
            <li className="badge selection-badge">{visibilityBadge(t, selection, user.id)}</li>
          </ul>
          <p className="selection-meta">
            {t('selections.ownerAndDate', { owner: selection.owner.name, date: formatDate(selection.updatedAt, language) })}
          </p>
        </div>
        <div className="card-actions">
          {selection.editable ? (
            <button type="button" className="button button-secondary" onClick={() => setDialog('edit')}>
              {t('common.edit')}
            </button>
          ) : null}
          <button type="button" className="button button-secondary" onClick={() => copying.copy(selection)} disabled={copying.busyId !== null}>
            {t('selections.copy')}
          </button>
          {selection.editable ? (
            <button type="button" className="button button-ghost button-danger-text" onClick={() => setDialog('delete')}>
              {t('common.delete')}
            </button>
          ) : null}
        </div>
      </header>

      {selection.kind === 'dynamic' ? <CriteriaSummary selection={selection} /> : null}
      {selection.editable ? null : <p className="notice notice-info">{t('selections.readOnly', { owner: selection.owner.name })}</p>}
      <CopyResult created={copying.created} error={copying.error} onDismiss={copying.dismiss} />

      <div className="selection-actions" role="group" aria-label={t('selections.actionsLabel')}>
        {selection.kind === 'dynamic' && selection.editable ? (
          <>
            <Link to={editCriteriaPath(selection.id)} className="button button-secondary">
              <span className="icon icon-find" aria-hidden="true" />
              {t('selections.editCriteria')}
            </Link>
            <button type="button" className="button button-secondary" onClick={() => setDialog('makeStatic')}>
              {t('selections.makeStatic')}
            </button>
          </>
        ) : null}
        {selection.kind === 'static' && selection.editable ? (
          <button type="button" className="button button-secondary" onClick={() => setDialog('addMembers')}>
            <span className="icon icon-plus" aria-hidden="true" />
            {t('selections.addMembers')}
          </button>
        ) : null}
        {selection.entity === 'person' ? (
          <Link to={paths.selectionBoard(selection.id)} className="button button-secondary">
            <span className="icon icon-board" aria-hidden="true" />
            {t('selections.board')}
          </Link>
        ) : null}
        <button type="button" className="button button-secondary" onClick={() => setDialog('bulk')} disabled={count === 0}>
          {t('selections.bulkUpdate')}
        </button>
      </div>

      <SelectionRecords
        selection={selection}
        onAddMembers={() => setDialog('addMembers')}
        onRemoveMembers={(ids) => {
          setRemoving(ids);
          setDialog('removeMembers');
        }}
      />

      <EditSelectionDialog
        open={dialog === 'edit'}
        selection={selection}
        onClose={close}
        onSaved={() => {
          close();
          toast(t('selections.saved'));
        }}
      />
      <DeleteSelectionDialog
        selection={dialog === 'delete' ? selection : null}
        onClose={close}
        onDeleted={() => navigate(paths.selections)}
      />
      <MakeStaticDialog open={dialog === 'makeStatic'} selection={selection} count={count} onClose={close} />
      <AddMembersDialog open={dialog === 'addMembers'} selection={selection} onClose={close} />
      <RemoveMembersDialog open={dialog === 'removeMembers'} selection={selection} ids={removing} onClose={close} />
      {dialog === 'bulk' ? (
        <BulkUpdateDialog
          open
          entity={selection.entity}
          target={{ selectionId: selection.id }}
          count={count}
          onClose={() => {
            close();
            // A bulk update changes the records, which can move them in or out of a dynamic selection.
            void refreshSelection(queryClient, selection.entity);
          }}
        />
      ) : null}
    </div>
  );
}

function MakeStaticDialog({ open, selection, count, onClose }: { open: boolean; selection: Selection; count: number | null; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const queryClient = useQueryClient();
  const toast = useToast();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const records = recordsWord(t, selection);

  async function confirm() {
    setBusy(true);
    setError(null);
    try {
      const saved = await selections.makeStatic(selection.id, selection.version);
      queryClient.setQueryData(selectionKeys.record(saved.id), saved);
      await refreshSelection(queryClient, selection.entity);
      toast(t('selections.madeStatic', { name: saved.name }));
      onClose();
    } catch (caught) {
      setError(caught);
      if (isConflict(caught)) await queryClient.invalidateQueries({ queryKey: selectionKeys.record(selection.id) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <ConfirmDialog describe={describeSelectionError}
      open={open}
      title={t('selections.makeStaticTitle', { name: selection.name })}
      text={[
        count === null
          ? t('selections.makeStaticTextAll', { records })
          : t('selections.makeStaticText', { counted: countedRecords(t, selection, count, language) }),
        t('selections.makeStaticFinal'),
      ]}
      confirmLabel={t('selections.makeStatic')}
      busy={busy}
      error={error}
      onConfirm={() => void confirm()}
      onCancel={() => {
        setError(null);
        onClose();
      }}
    />
  );
}

function RemoveMembersDialog({ open, selection, ids, onClose }: { open: boolean; selection: Selection; ids: number[]; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const queryClient = useQueryClient();
  const toast = useToast();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const records = recordsWord(t, selection);

  async function confirm() {
    setBusy(true);
    setError(null);
    try {
      const { removed } = await selections.removeMembers(selection.id, ids);
      toast(t('selections.membersRemoved', { counted: countedRecords(t, selection, removed, language) }));
      await refreshSelection(queryClient, selection.entity);
      onClose();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  return (
    <ConfirmDialog describe={describeSelectionError}
      open={open}
      title={t('selections.removeMembersTitle', { counted: countedRecords(t, selection, ids.length, language) })}
      text={[t('selections.removeMembersText', { records })]}
      confirmLabel={t('selections.removeMembers')}
      danger
      busy={busy}
      error={error}
      onConfirm={() => void confirm()}
      onCancel={() => {
        setError(null);
        onClose();
      }}
    />
  );
}

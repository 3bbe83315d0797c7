import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { Language, LeadStatus } from '../../api/types';
import { navigate, paths, useLocation } from '../../app/router';
import { formatNumber } from '../../i18n/format';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { EmptyState, ErrorNotice, Spinner } from '../../ui/feedback';
import { Tabs } from '../../ui/Tabs';
import { useToast } from '../../ui/toast';
import { listItems, type AnyListItem, type ListKind } from '../adminApi';
import { ListItemDialog } from './ListItemDialog';
import { countPhrase, ListItemsTable } from './ListItemsTable';
import { useListItems, useListUsage, useRefreshAfterListChange, useUsages } from './useListItems';

const KINDS: ListKind[] = ['categories', 'lead-statuses'];

/** Beheer → Lijsten: the company categories and the person lead statuses, one tab each. */
export default function ListsPage() {
  const { t } = useTranslation();
  const { searchParams } = useLocation();
  const requested = searchParams.get('list');
  const kind: ListKind = KINDS.includes(requested as ListKind) ? (requested as ListKind) : 'categories';

  return (
    <div className="page admin-page">
      <header className="page-header">
        <div>
          <h1 className="page-title">{t('admin.lists.title')}</h1>
          <p className="page-intro">{t('admin.lists.intro')}</p>
        </div>
      </header>
      <Tabs
        label={t('admin.lists.tabsLabel')}
        tabs={[
          { id: 'categories', label: t('admin.lists.categoriesTab') },
          { id: 'lead-statuses', label: t('admin.lists.leadStatusesTab') },
        ]}
        selected={kind}
        onSelect={(id) => navigate(`${paths.admin.lists}${id === 'categories' ? '' : `?list=${id}`}`, { replace: true })}
      >
        <ListPanel key={kind} kind={kind} />
      </Tabs>
    </div>
  );
}

type Pending =
  | { action: 'edit'; item: AnyListItem | null }
  | { action: 'delete'; item: AnyListItem }
  | { action: 'makeDefault'; item: LeadStatus }
  | null;

function ListPanel({ kind }: { kind: ListKind }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const toast = useToast();
  const refresh = useRefreshAfterListChange(kind);
  const query = useListItems(kind);
  const [showDeleted, setShowDeleted] = useState(false);
  const [pending, setPending] = useState<Pending>(null);
  const [busy, setBusy] = useState(false);
  const [actionError, setActionError] = useState<unknown>(null);
  const [order, setOrder] = useState<number[] | null>(null);
  const [reorderError, setReorderError] = useState<unknown>(null);

  const all = query.data ?? [];
  // While a new order is saved, the rows show it already, so a drop does not jump back and forth.
  const ordered = order === null ? all : order.map((id) => all.find((item) => item.id === id)).filter((item) => item !== undefined);
  const shown = showDeleted ? ordered : ordered.filter((item) => !item.deleted);
  const usages = useUsages(kind, shown);
  const deletedCount = all.filter((item) => item.deleted).length;
  const isCategory = kind === 'categories';
  const defaultCandidate = pending?.action === 'makeDefault' ? pending.item : null;

  /** Moves an item to a place among the shown rows; hidden deleted items keep their place. */
  async function move(id: number, toIndex: number) {
    const shownIds = shown.map((item) => item.id);
    const fromIndex = shownIds.indexOf(id);
    if (fromIndex === -1 || toIndex < 0 || toIndex >= shownIds.length || fromIndex === toIndex) return;
    shownIds.splice(fromIndex, 1);
    shownIds.splice(toIndex, 0, id);

    const shownSet = new Set(shownIds);
    const remaining = [...shownIds];
    const fullOrder = ordered.map((item) => (shownSet.has(item.id) ? (remaining.shift() ?? item.id) : item.id));

    setOrder(fullOrder);
    setReorderError(null);
    try {
      await listItems.reorder(kind, fullOrder);
      await refresh();
      const name = all.find((item) => item.id === id)?.name ?? '';
      toast(t('admin.lists.moved', { name, position: toIndex + 1 }));
    } catch (error) {
      setReorderError(error);
      await refresh();
    } finally {
      setOrder(null);
    }
  }

  async function runAction(run: () => Promise<unknown>, success: string) {
    setBusy(true);
    setActionError(null);
    try {
      await run();
      await refresh();
      setPending(null);
      toast(success);
    } catch (error) {
      setActionError(error);
      await refresh();
    } finally {
      setBusy(false);
    }
  }

  async function restore(item: AnyListItem) {
    setActionError(null);
    try {
      await listItems.restore(kind, item.id);
      await refresh();
      toast(t('admin.lists.restored', { name: item.name }));
    } catch (error) {
      setActionError(error);
    }
  }

  function open(next: Pending) {
    setActionError(null);
    setPending(next);
  }

  if (query.isPending) return <Spinner label={t('common.loading')} />;
  if (query.isError) return <ErrorNotice error={query.error} onRetry={() => void query.refetch()} />;

  return (
    <section className="admin-list" aria-label={isCategory ? t('admin.lists.categoriesTab') : t('admin.lists.leadStatusesTab')}>
      <div className="admin-toolbar">
        <p className="muted admin-toolbar-text">{isCategory ? t('admin.lists.categoriesIntro') : t('admin.lists.leadStatusesIntro')}</p>
        <label className="choice">
          <input type="checkbox" checked={showDeleted} onChange={(event) => setShowDeleted(event.target.checked)} />
          {t('admin.lists.showDeleted')}
          {deletedCount > 0 ? <span className="badge badge-count">{formatNumber(deletedCount, language)}</span> : null}
        </label>
        <button type="button" className="button button-primary" onClick={() => open({ action: 'edit', item: null })}>
          <span className="icon icon-plus" aria-hidden="true" />
          {isCategory ? t('admin.lists.addCategory') : t('admin.lists.addLeadStatus')}
        </button>
      </div>

      {reorderError !== null ? <ErrorNotice error={reorderError} /> : null}
      {actionError !== null && pending === null ? <ErrorNotice error={actionError} /> : null}

      {shown.length === 0 ? (
        <EmptyState
          title={isCategory ? t('admin.lists.emptyCategories') : t('admin.lists.emptyLeadStatuses')}
          action={
            <button type="button" className="button button-primary" onClick={() => open({ action: 'edit', item: null })}>
              {isCategory ? t('admin.lists.addCategory') : t('admin.lists.addLeadStatus')}
            </button>
          }
        >
          {deletedCount > 0 ? t('admin.lists.emptyWithDeleted') : t('admin.lists.emptyText')}
        </EmptyState>
      ) : (
        <ListItemsTable
          kind={kind}
          items={shown}
          usages={usages}
          reordering={order !== null}
          onMove={(id, toIndex) => void move(id, toIndex)}
          onEdit={(item) => open({ action: 'edit', item })}
          onDelete={(item) => open({ action: 'delete', item })}
          onRestore={(item) => void restore(item)}
          onMakeDefault={(item) => open({ action: 'makeDefault', item })}
        />
      )}
      <p className="field-hint">{t('admin.lists.orderHint')}</p>

      <ListItemDialog
        kind={kind}
        open={pending?.action === 'edit'}
        item={pending?.action === 'edit' ? pending.item : null}
        onClose={() => setPending(null)}
        onSaved={(saved, created) => {
          setPending(null);
          toast(created ? t('admin.lists.added', { name: saved.name }) : t('admin.lists.saved', { name: saved.name }));
        }}
      />
      <DeleteListItemDialog
        kind={kind}
        item={pending?.action === 'delete' ? pending.item : null}
        busy={busy}
        error={actionError}
        onCancel={() => setPending(null)}
        onConfirm={(item) => void runAction(() => listItems.remove(kind, item.id), t('admin.lists.deletedToast', { name: item.name }))}
      />
      <ConfirmDialog
        open={pending?.action === 'makeDefault'}
        title={t('admin.lists.makeDefaultTitle', { name: defaultCandidate?.name ?? '' })}
        text={t('admin.lists.makeDefaultText', { name: defaultCandidate?.name ?? '' })}
        confirmLabel={t('admin.lists.makeDefault')}
        busy={busy}
        error={actionError}
        onCancel={() => setPending(null)}
        onConfirm={() => {
          if (pending?.action !== 'makeDefault') return;
          const { item } = pending;
          void runAction(() => listItems.update(kind, item.id, item.version, { isDefault: true }), t('admin.lists.madeDefault', { name: item.name }));
        }}
      />
    </section>
  );
}

interface DeleteListItemDialogProps {
  kind: ListKind;
  item: AnyListItem | null;
  busy: boolean;
  error: unknown;
  onCancel: () => void;
  onConfirm: (item: AnyListItem) => void;
}

/** Asks before a delete and shows how many records have the item; they keep it, marked deleted. */
function DeleteListItemDialog({ kind, item, busy, error, onCancel, onConfirm }: DeleteListItemDialogProps) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const usage = useListUsage(kind, item?.id ?? null);
  const isCategory = kind === 'categories';

  let text: string;
  if (usage.data === undefined) {
    text = usage.isError ? t('admin.lists.deleteUsageUnknown') : t('common.loading');
  } else if (isCategory) {
    text = t('admin.lists.deleteCategoryText', {
      companies: countPhrase(t, 'companies', usage.data.companies, language),
      persons: countPhrase(t, 'persons', usage.data.persons, language),
    });
  } else {
    text = t('admin.lists.deleteLeadStatusText', { persons: countPhrase(t, 'persons', usage.data.persons, language) });
  }

  return (
    <ConfirmDialog
      open={item !== null}
      title={t(isCategory ? 'admin.lists.deleteCategoryTitle' : 'admin.lists.deleteLeadStatusTitle', { name: item?.name ?? '' })}
      text={`${text} ${t('admin.lists.deleteRestoreHint')}`}
      confirmLabel={t('common.delete')}
      danger
      busy={busy || usage.isPending}
      error={error}
      onCancel={onCancel}
      onConfirm={() => {
        if (item !== null) onConfirm(item);
      }}
    />
  );
}

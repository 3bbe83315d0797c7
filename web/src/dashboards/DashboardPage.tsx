import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { isApiError } from '../api/client';
import type { Language } from '../api/types';
import { useUsers } from '../api/queries';
import { Link, navigate, paths, useLocation } from '../app/router';
import { useSession } from '../auth/session';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { EmptyState, ErrorNotice, Spinner } from '../ui/feedback';
import { Popover } from '../ui/Popover';
import { useToast } from '../ui/toast';
import { dashboardKeys, dashboards, type Dashboard, type OwnerFilter, type Period, type Tile, type TileLayout } from './dashboardApi';
import { NameDialog } from './NameDialog';
import { TileDialog, type TileCriteriaError } from './TileDialog';
import { TileGrid } from './TileGrid';
import { placeNewTile, settleTiles } from './tileLayout';
import { tileTitle } from './tileTitle';

/** Choices of the dashboard-wide period; "perTile" keeps each tile's own period. */
const PERIOD_CHOICES = ['perTile', 'today', 'thisWeek', 'thisMonth', 'thisQuarter', 'thisYear', 'yearToDate', 'last30Days'] as const;
type PeriodChoice = (typeof PERIOD_CHOICES)[number];

function periodOf(choice: PeriodChoice): Period | null {
  if (choice === 'perTile') return null;
  if (choice === 'last30Days') return { field: 'registeredAt', range: 'lastNDays', days: 30 };
  return { field: 'registeredAt', range: choice };
}

function isPeriodChoice(value: string | null): value is PeriodChoice {
  return PERIOD_CHOICES.some((choice) => choice === value);
}

/**
 * Reads the filters from the address (?period=thisMonth&owner=me), so a copied link or a reload
 * shows the dashboard as it was filtered. Unknown values fall back to no filter.
 */
function filtersOf(searchParams: URLSearchParams): { periodChoice: PeriodChoice; ownerChoice: string } {
  const period = searchParams.get('period');
  const owner = searchParams.get('owner');
  const ownerValid = owner === 'me' || (owner !== null && /^[1-9]\d{0,9}$/.test(owner));
  return { periodChoice: isPeriodChoice(period) ? period : 'perTile', ownerChoice: ownerValid ? owner : 'everyone' };
}

function filtersUrl(dashboardId: number, periodChoice: PeriodChoice, ownerChoice: string): string {
  const params = new URLSearchParams();
  if (periodChoice !== 'perTile') params.set('period', periodChoice);
  if (ownerChoice !== 'everyone') params.set('owner', ownerChoice);
  const search = params.toString();
  return search === '' ? paths.dashboard(dashboardId) : `${paths.dashboard(dashboardId)}?${search}`;
}

function ownerOf(choice: string): OwnerFilter {
  if (choice === 'everyone') return null;
  if (choice === 'me') return 'currentUser';
  return Number(choice);
}

type Changes = { name?: string; tiles?: Tile[]; shared?: boolean };

/** Shows one dashboard: its tiles on a grid of 12 columns, the filters, and editing for its owner. */
export default function DashboardPage({ dashboardId }: { dashboardId: number }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const queryClient = useQueryClient();
  const toast = useToast();
  const dashboard = useQuery({ queryKey: dashboardKeys.record(dashboardId), queryFn: () => dashboards.get(dashboardId), staleTime: 0 });
  const { searchParams } = useLocation();
  const { periodChoice, ownerChoice } = filtersOf(searchParams);
  const [arranging, setArranging] = useState(false);
  /** The tile being added (null) or changed, and the error of its data request, if any. */
  const [tileDialog, setTileDialog] = useState<{ tile: Tile | null; dataError: unknown } | null>(null);
  /** Id of the tile the dialog last saved, to find its criteria in a failed save. */
  const [submittedTileId, setSubmittedTileId] = useState<string | null>(null);
  const [removing, setRemoving] = useState<Tile | null>(null);
  const [renaming, setRenaming] = useState(false);
  const [deleting, setDeleting] = useState(false);

  const save = useMutation({
    mutationFn: (changes: Changes) => {
      const current = queryClient.getQueryData<Dashboard>(dashboardKeys.record(dashboardId));
      if (current === undefined) throw new Error(`dashboard ${dashboardId} is not loaded`);
      return dashboards.update(dashboardId, { ...changes, version: current.version });
    },
    onSuccess: (saved) => {
      queryClient.setQueryData(dashboardKeys.record(dashboardId), saved);
      void queryClient.invalidateQueries({ queryKey: dashboardKeys.list });
    },
  });

  const remove = useMutation({
    mutationFn: (current: Dashboard) => dashboards.remove(current.id, current.version),
    onSuccess: () => {
      queryClient.removeQueries({ queryKey: dashboardKeys.record(dashboardId) });
      void queryClient.invalidateQueries({ queryKey: dashboardKeys.list });
      toast(t('dashboards.deleted'));
      navigate(paths.dashboards, { replace: true });
    },
  });

  if (dashboard.isPending) return <Spinner label={t('common.loading')} />;
  if (dashboard.isError) {
    return (
      <div className="page">
        <h1 className="page-title">{t('dashboards.title')}</h1>
        <ErrorNotice error={dashboard.error} onRetry={() => void dashboard.refetch()} />
      </div>
    );
  }

  const current = dashboard.data;
  const period = periodOf(periodChoice);
  const ownerId = ownerOf(ownerChoice);
  const conflict = isApiError(save.error) && save.error.status === 409;

  function saveTiles(tiles: Tile[], onDone?: () => void) {
    save.mutate({ tiles }, { onSuccess: () => onDone?.() });
  }

  function changeLayout(tile: Tile, layout: TileLayout) {
    const moved = current.tiles.map((item) => (item.id === tile.id ? { ...item, layout } : item));
    saveTiles(settleTiles(moved, tile.id));
  }

  function submitTile(submitted: Omit<Tile, 'layout'> & { layout?: TileLayout }) {
    setSubmittedTileId(submitted.id);
    const exists = current.tiles.some((tile) => tile.id === submitted.id);
    const tile: Tile = { ...submitted, layout: submitted.layout ?? placeNewTile(current.tiles, submitted.type) };
    let tiles: Tile[];
    if (exists) tiles = current.tiles.map((item) => (item.id === tile.id ? tile : item));
    else tiles = [...current.tiles, tile];
    saveTiles(tiles, () => {
      setTileDialog(null);
      toast(exists ? t('dashboards.tileSaved') : t('dashboards.tileAdded'));
    });
  }

  /**
   * Returns the failed request whose problems with the dialog's criteria show at the lines: the
   * failed save of the dashboard, else the failed data request of the tile being changed.
   */
  function tileCriteriaError(): TileCriteriaError | null {
    if (tileDialog === null) return null;
    const sentTiles = save.isError ? save.variables?.tiles : undefined;
    const index = sentTiles?.findIndex((item) => item.id === submittedTileId) ?? -1;
    const sent = sentTiles?.[index];
    if (sent !== undefined) return { error: save.error, criteria: sent.criteria, path: `/tiles/${index}/criteria` };
    if (tileDialog.tile !== null && tileDialog.dataError !== null) {
      return { error: tileDialog.dataError, criteria: tileDialog.tile.criteria, path: '/tile/criteria' };
    }
    return null;
  }

  function reload() {
    save.reset();
    void dashboard.refetch();
  }

  return (
    <div className="page page-dashboard">
      <p className="breadcrumb">
        <Link to={paths.dashboards}>{t('dashboards.title')}</Link>
      </p>
      <header className="page-header dashboard-header">
        <div className="dashboard-heading">
          <h1 className="page-title">{current.name}</h1>
          {current.isDefault ? <span className="badge">{t('dashboards.default')}</span> : null}
          {current.shared ? <span className="badge badge-muted">{t('dashboards.shared')}</span> : null}
        </div>
        {current.editable ? (
          <div className="card-actions">
            <button type="button" className="button button-secondary" onClick={() => setTileDialog({ tile: null, dataError: null })} disabled={save.isPending}>
              <span className="icon icon-plus" aria-hidden="true" />
              {t('dashboards.addTile')}
            </button>
            <button type="button" className="button button-secondary" aria-pressed={arranging} onClick={() => setArranging((value) => !value)}>
              {arranging ? t('common.done') : t('dashboards.arrangeTiles')}
            </button>
            <DashboardMenu
              dashboard={current}
              busy={save.isPending}
              onRename={() => setRenaming(true)}
              onShare={(shared) => save.mutate({ shared }, { onSuccess: () => toast(shared ? t('dashboards.sharedDone') : t('dashboards.unsharedDone')) })}
              onDelete={() => setDeleting(true)}
            />
          </div>
        ) : null}
      </header>

      <DashboardFilters
        periodChoice={periodChoice}
        onPeriod={(choice) => navigate(filtersUrl(dashboardId, choice, ownerChoice), { replace: true })}
        ownerChoice={ownerChoice}
        onOwner={(choice) => navigate(filtersUrl(dashboardId, periodChoice, choice), { replace: true })}
        onRefresh={() => void queryClient.invalidateQueries({ queryKey: dashboardKeys.tileDataAll })}
      />

      {conflict ? (
        <div className="notice notice-warning notice-row" role="alert">
          <div>
            <p className="notice-title">{t('dashboards.conflictTitle')}</p>
            <p>{t('dashboards.conflictText')}</p>
          </div>
          <button type="button" className="button button-secondary button-small" onClick={reload}>
            {t('conflict.reload')}
          </button>
        </div>
      ) : save.isError && tileDialog === null && removing === null && !renaming ? (
        <ErrorNotice error={save.error} />
      ) : null}

      {current.tiles.length === 0 ? (
        <div className="panel">
          <EmptyState
            title={t('dashboards.noTilesTitle')}
            action={
              current.editable ? (
                <button type="button" className="button button-primary" onClick={() => setTileDialog({ tile: null, dataError: null })}>
                  <span className="icon icon-plus" aria-hidden="true" />
                  {t('dashboards.addTile')}
                </button>
              ) : undefined
            }
          >
            {current.editable ? t('dashboards.noTilesText') : t('dashboards.noTilesReadOnly')}
          </EmptyState>
        </div>
      ) : (
        <TileGrid
          tiles={current.tiles}
          period={period}
          ownerId={ownerId}
          editable={current.editable}
          arranging={arranging && current.editable}
          busy={save.isPending}
          onEdit={(tile, dataError) => setTileDialog({ tile, dataError })}
          onRemove={setRemoving}
          onLayout={changeLayout}
        />
      )}

      <TileDialog
        open={tileDialog !== null}
        tile={tileDialog?.tile ?? null}
        language={language}
        busy={save.isPending}
        error={save.error}
        criteriaError={tileCriteriaError()}
        onSubmit={submitTile}
        onClose={() => {
          if (!conflict) save.reset();
          setTileDialog(null);
        }}
      />
      <ConfirmDialog
        open={removing !== null}
        title={t('dashboards.removeTileTitle')}
        text={t('dashboards.removeTileText', { title: removing === null ? '' : tileTitle(t, removing) })}
        confirmLabel={t('common.delete')}
        danger
        busy={save.isPending}
        error={save.error}
        onConfirm={() => {
          if (removing === null) return;
          saveTiles(
            current.tiles.filter((tile) => tile.id !== removing.id),
            () => {
              setRemoving(null);
              toast(t('dashboards.tileRemoved'));
            },
          );
        }}
        onCancel={() => {
          if (!conflict) save.reset();
          setRemoving(null);
        }}
      />
      <NameDialog
        open={renaming}
        title={t('dashboards.renameTitle')}
        initialName={current.name}
        submitLabel={t('common.save')}
        busy={save.isPending}
        error={save.error}
        onSubmit={(name) => save.mutate({ name }, { onSuccess: () => setRenaming(false) })}
        onClose={() => {
          if (!conflict) save.reset();
          setRenaming(false);
        }}
      />
      <ConfirmDialog
        open={deleting}
        title={t('dashboards.deleteTitle')}
        text={t('dashboards.deleteText', { name: current.name })}
        confirmLabel={t('dashboards.deleteConfirm')}
        danger
        busy={remove.isPending}
        error={remove.error}
        onConfirm={() => remove.mutate(current)}
        onCancel={() => {
          remove.reset();
          setDeleting(false);
        }}
      />
    </div>
  );
}

function DashboardFilters({
  periodChoice,
  onPeriod,
  ownerChoice,
  onOwner,
  onRefresh,
}: {
  periodChoice: PeriodChoice;
  onPeriod: (choice: PeriodChoice) => void;
  ownerChoice: string;
  onOwner: (choice: string) => void;
  onRefresh: () => void;
}) {
  const { t } = useTranslation();
  const users = useUsers();
  const periodId = useId();
  const ownerId = useId();

  return (
    <div className="dashboard-filters" role="group" aria-label={t('dashboards.filtersLabel')}>
      <div className="dashboard-filter">
        <label htmlFor={periodId}>{t('dashboards.period')}</label>
        <select id={periodId} value={periodChoice} onChange={(event) => onPeriod(event.target.value as PeriodChoice)}>
          {PERIOD_CHOICES.map((choice) => (
            <option key={choice} value={choice}>
              {t(`dashboards.periodChoices.${choice}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="dashboard-filter">
        <label htmlFor={ownerId}>{t('fields.owner')}</label>
        <select id={ownerId} value={ownerChoice} onChange={(event) => onOwner(event.target.value)}>
          <option value="everyone">{t('dashboards.ownerEveryone')}</option>
          <option value="me">{t('dashboards.ownerMe')}</option>
          {(users.data ?? [])
            .filter((user) => user.active || String(user.id) === ownerChoice)
            .map((user) => (
              <option key={user.id} value={String(user.id)}>
                {user.name}
              </option>
            ))}
        </select>
      </div>
      <button type="button" className="button button-secondary button-small dashboard-refresh" onClick={onRefresh}>
        {t('dashboards.refresh')}
      </button>
    </div>
  );
}

function DashboardMenu({
  dashboard,
  busy,
  onRename,
  onShare,
  onDelete,
}: {
  dashboard: Dashboard;
  busy: boolean;
  onRename: () => void;
  onShare: (shared: boolean) => void;
  onDelete: () => void;
}) {
  const { t } = useTranslation();
  const { user } = useSession();
  const anchor = useRef<HTMLButtonElement>(null);
  const [open, setOpen] = useState(false);
  const label = t('dashboards.dashboardActions');

  function choose(action: () => void) {
    setOpen(false);
    anchor.current?.focus();
    action();
  }

  return (
    <>
      <button
        ref={anchor}
        type="button"
        className="button button-secondary"
        aria-label={label}
        aria-haspopup="dialog"
        aria-expanded={open}
        onClick={() => setOpen((value) => !value)}
      >
        <span className="icon icon-more" aria-hidden="true" />
      </button>
      {open ? (
        <Popover anchor={anchor} label={label} onClose={() => setOpen(false)} width={240}>
          <ul className="selection-menu">
            <li>
              <button type="button" className="selection-menu-item" disabled={busy} onClick={() => choose(onRename)}>
                {t('dashboards.rename')}
              </button>
            </li>
            {user.role === 'administrator' ? (
              <li>
                <button type="button" className="selection-menu-item" disabled={busy} onClick={() => choose(() => onShare(!dashboard.shared))}>
                  {dashboard.shared ? t('dashboards.unshare') : t('dashboards.share')}
                </button>
              </li>
            ) : null}
            <li>
              <button type="button" className="selection-menu-item button-danger-text" disabled={busy} onClick={() => choose(onDelete)}>
                {t('dashboards.deleteDashboard')}
              </button>
            </li>
          </ul>
        </Popover>
      ) : null}
    </>
  );
}

import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

import { isApiError } from '../api/client';
import { selections } from '../api/endpoints';
import type { Criterion, Filter, Language, Selection, SelectionEntity } from '../api/types';
import { Link, navigate, paths, useLocation } from '../app/router';
import { BulkUpdateDialog } from '../bulk/BulkUpdateDialog';
import { isSets } from '../criteria/filters';
import { describeError } from '../ui/errors';
import { EmptyState, ErrorNotice, Spinner } from '../ui/feedback';
import { useToast } from '../ui/toast';
import { CriteriaBuilder } from './CriteriaBuilder';
import { blankDraft, draftForEntity, lineErrorsOf, toCriteria, toDraft, type DraftSet } from './draft';
import { FindResults, recordKind, useCriteriaCheck, type ResultActions } from './FindResults';
import { findUrl, fitsEntity, parseFindParams, type FindParams } from './findUrl';
import { SaveSelectionDialog } from './SaveSelectionDialog';
import { criteriaProblems } from './criteriaErrors';

const ENTITIES: readonly SelectionEntity[] = ['person', 'company'];

/** Renders the find screen: criteria sets, the matching records as a list, save as a selection. */
export default function FindPage() {
  const { searchParams } = useLocation();
  const search = searchParams.toString();
  const params = useMemo(() => parseFindParams(new URLSearchParams(search)), [search]);

  if (params.selectionId !== null) return <SelectionFind key={params.selectionId} selectionId={params.selectionId} params={params} />;
  return <FindScreen entity={params.entity} applied={params.criteria} problem={params.problem} selection={null} />;
}

/** Loads a saved selection whose criteria the user edits here: `/find?selection=12`. */
function SelectionFind({ selectionId, params }: { selectionId: number; params: FindParams }) {
  const { t } = useTranslation();
  const selection = useQuery({ queryKey: ['selections', 'record', selectionId], queryFn: () => selections.get(selectionId) });

  if (selection.isPending) {
    return (
      <div className="page">
        <Spinner label={t('common.loading')} />
      </div>
    );
  }
  if (selection.isError) {
    const notFound = isApiError(selection.error, 'NOT_FOUND');
    return (
      <SelectionMessage title={notFound ? t('find.selectionNotFoundTitle') : t('find.title')}>
        {notFound ? <p>{t('find.selectionNotFoundText', { id: selectionId })}</p> : <ErrorNotice error={selection.error} onRetry={() => void selection.refetch()} />}
      </SelectionMessage>
    );
  }

  const saved = selection.data;
  if (saved.kind === 'static' || saved.criteria === null) {
    return (
      <SelectionMessage title={saved.name}>
        <p>{t('find.selectionStaticText')}</p>
        <Link to={paths.selection(saved.id)} className="button button-secondary find-message-link">
          {t('find.openSelection')}
        </Link>
      </SelectionMessage>
    );
  }

  // Criteria in the address are edits not saved yet; they must fit the selection's entity.
  const fits = params.criteria === null || fitsEntity(params.criteria, saved.entity);
  return (
    <FindScreen
      entity={saved.entity}
      applied={fits && params.criteria !== null ? params.criteria : saved.criteria}
      problem={fits ? params.problem : 'selectionCriteria'}
      selection={saved}
    />
  );
}

function SelectionMessage({ title, children }: { title: string; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className="page">
      <header className="page-header">
        <div>
          <p className="card-kind">{t('find.selectionKindLabel')}</p>
          <h1 className="page-title">{title}</h1>
        </div>
      </header>
      <div className="notice notice-warning find-message" role="alert">
        {children}
        <p className="notice-actions">
          <Link to={paths.selections}>{t('find.toSelections')}</Link>
          <Link to={paths.find}>{t('find.newSearch')}</Link>
        </p>
      </div>
    </div>
  );
}

interface FindScreenProps {
  entity: SelectionEntity;
  /** The criteria searched, as read from the address, or null before the first search. */
  applied: Criterion[][] | null;
  problem: FindParams['problem'];
  /** The dynamic selection whose criteria are edited, or null for a new search. */
  selection: Selection | null;
}

type UpdateState =
  | { status: 'idle' | 'busy' }
  /** The selection changed since it was loaded; the criteria that were to be saved are kept. */
  | { status: 'conflict'; criteria: Criterion[][] }
  | { status: 'failed'; error: unknown };

function FindScreen({ entity, applied, problem, selection }: FindScreenProps) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const queryClient = useQueryClient();
  const toast = useToast();
  const [draft, setDraft] = useState<DraftSet[]>(() => toDraft(applied ?? []));
  const [saving, setSaving] = useState<{ criteria: Criterion[][]; count: number | null } | null>(null);
  const [bulk, setBulk] = useState<{ filter: Filter; count: number | null } | null>(null);
  const [update, setUpdate] = useState<UpdateState>({ status: 'idle' });
  const check = useCriteriaCheck(entity, applied);

  const appliedText = applied === null ? null : JSON.stringify(applied);
  const draftText = JSON.stringify(toCriteria(draft));
  const changed = applied === null ? draftText !== '[]' : draftText !== appliedText;

  // The address changes by this screen's own search, by the back button or by a link. Only in the
  // latter cases the lines are rebuilt from the address; a search keeps the lines as they are.
  const url = findUrl({ entity, criteria: applied, selectionId: selection?.id ?? null });
  const lastUrl = useRef(url);
  const ownNavigation = useRef<string | null>(null);
  useEffect(() => {
    if (lastUrl.current === url) return;
    lastUrl.current = url;
    setUpdate({ status: 'idle' });
    const own = ownNavigation.current === url;
    ownNavigation.current = null;
    if (!own) setDraft((current) => (JSON.stringify(toCriteria(current)) === appliedText ? current : toDraft(applied ?? [])));
  }, [url, applied, appliedText]);

  function go(next: { entity: SelectionEntity; criteria: Criterion[][] | null }, nextDraft?: DraftSet[]) {
    const target = findUrl({ ...next, selectionId: selection?.id ?? null });
    if (nextDraft !== undefined) setDraft(nextDraft);
    if (target === `${window.location.pathname}${window.location.search}`) return;
    ownNavigation.current = target;
    navigate(target);
  }

  function runSearch(event: FormEvent) {
    event.preventDefault();
    const criteria = toCriteria(draft);
    if (JSON.stringify(criteria) === appliedText) {
      // The same search again shows the records as they are now.
      void queryClient.invalidateQueries({ queryKey: [recordKind(entity)] });
      return;
    }
    go({ entity, criteria });
  }

  function switchEntity(next: SelectionEntity) {
    if (next === entity) return;
    go({ entity: next, criteria: null }, draftForEntity(draft, entity, next));
  }

  function clear() {
    // For a selection, only the lines are emptied. Its saved criteria stay in view until the user
    // searches, so "Wissen" never looks as if it changed the selection.
    if (selection === null) go({ entity, criteria: null }, blankDraft());
    else setDraft(blankDraft());
  }

  async function saveSelectionCriteria(criteria: Criterion[][], version: number) {
    if (selection === null) return;
    setUpdate({ status: 'busy' });
    try {
      const saved = await selections.update(selection.id, version, { criteria });
      queryClient.setQueryData(['selections', 'record', saved.id], saved);
      await queryClient.invalidateQueries({ queryKey: ['selections'] });
      toast(t('find.selectionUpdated', { name: saved.name }));
      navigate(paths.selection(saved.id));
    } catch (error) {
      const conflict = isApiError(error, 'VERSION_CONFLICT') || isApiError(error, 'VERSION_MISMATCH');
      setUpdate(conflict ? { status: 'conflict', criteria } : { status: 'failed', error });
    }
  }

  async function overwriteSelection(criteria: Criterion[][]) {
    if (selection === null) return;
    setUpdate({ status: 'busy' });
    try {
      const latest = await selections.get(selection.id);
      await saveSelectionCriteria(criteria, latest.version);
    } catch (error) {
      setUpdate({ status: 'failed', error });
    }
  }

  function loadLatestSelection() {
    if (selection === null) return;
    setUpdate({ status: 'idle' });
    void queryClient.invalidateQueries({ queryKey: ['selections', 'record', selection.id] });
    navigate(findUrl({ entity, criteria: null, selectionId: selection.id }));
  }

  const problems = applied === null || !check.isError ? null : criteriaProblems(t, language, check.error, applied);
  const lineErrors = problems === null || applied === null ? new Map<number, string>() : lineErrorsOf(draft, applied, problems.lines);

  const actions: ResultActions = (list) => {
    const criteria = toSets(list.filter);
    return (
      <>
        <button type="button" className="button button-secondary" onClick={() => setBulk({ filter: list.filter, count: list.total })}>
          {t('find.bulkUpdate')}
        </button>
        {selection === null ? (
          <button type="button" className="button button-primary" onClick={() => setSaving({ criteria, count: list.total })}>
            {t('find.saveAsSelection')}
          </button>
        ) : (
          <>
            <button type="button" className="button button-secondary" onClick={() => setSaving({ criteria, count: list.total })}>
              {t('find.saveAsNewSelection')}
            </button>
            {selection.editable ? (
              <button
                type="button"
                className="button button-primary"
                disabled={update.status === 'busy'}
                onClick={() => void saveSelectionCriteria(criteria, selection.version)}
              >
                {t('find.updateSelection')}
              </button>
            ) : null}
          </>
        )}
      </>
    );
  };

  return (
    <div className="page page-find">
      <header className="page-header">
        {selection === null ? (
          <div>
            <h1 className="page-title">{t('find.title')}</h1>
            <p className="page-intro">{t('find.intro')}</p>
          </div>
        ) : (
          <div>
            <p className="card-kind">{t(`find.selectionOf.${selection.entity}`)}</p>
            <h1 className="page-title">{selection.name}</h1>
            <p className="page-intro">
              {t('find.selectionIntro')} <Link to={paths.selection(selection.id)}>{t('find.openSelection')}</Link>
            </p>
          </div>
        )}
      </header>

      {problem === null ? null : (
        <p className="notice notice-warning" role="alert">
          {t(`find.badUrl.${problem}`)}
        </p>
      )}
      {selection !== null && !selection.editable ? <p className="notice notice-info">{t('find.selectionReadOnly')}</p> : null}

      <form className="find-criteria panel" onSubmit={runSearch} noValidate aria-label={t('find.criteria')}>
        {selection === null ? (
          <div className="segmented find-entity" role="group" aria-label={t('find.entity')}>
            <span className="segmented-label" aria-hidden="true">
              {t('find.entity')}
            </span>
            {ENTITIES.map((option) => (
              <button key={option} type="button" className="segmented-option" aria-pressed={entity === option} onClick={() => switchEntity(option)}>
                {t(`find.entities.${option}`)}
              </button>
            ))}
          </div>
        ) : null}

        <CriteriaBuilder entity={entity} draft={draft} onChange={setDraft} errors={lineErrors} language={language} />

        <div className="find-submit">
          {changed && applied !== null ? (
            <p className="find-changed" role="status">
              {t('find.changedHint')}
            </p>
          ) : null}
          <button type="button" className="button button-ghost" onClick={clear}>
            {t('find.clear')}
          </button>
          <button type="submit" className="button button-primary">
            <span className="icon icon-find" aria-hidden="true" />
            {t('find.search')}
          </button>
        </div>
      </form>

      {update.status === 'conflict' ? (
        <div className="notice notice-warning" role="alert">
          <p className="notice-title">{t('find.conflictTitle')}</p>
          <p>{t('find.conflictText')}</p>
          <div className="notice-actions">
            <button type="button" className="button button-secondary button-small" onClick={loadLatestSelection}>
              {t('find.conflictReload')}
            </button>
            <button type="button" className="button button-primary button-small" onClick={() => void overwriteSelection(update.criteria)}>
              {t('find.conflictOverwrite')}
            </button>
          </div>
        </div>
      ) : null}
      {update.status === 'failed' ? (
        <div className="notice notice-error" role="alert">
          <p>{describeError(t, update.error)}</p>
        </div>
      ) : null}

      {applied === null ? (
        <div className="find-start panel">
          <EmptyState title={t('find.startTitle')}>
            <p>{t('find.startText')}</p>
            <p>{t(`find.startAll.${entity}`)}</p>
          </EmptyState>
        </div>
      ) : (
        <FindResults
          entity={entity}
          language={language}
          check={check}
          general={problems?.general ?? []}
          actions={actions}
        />
      )}

      <SaveSelectionDialog
        open={saving !== null}
        entity={entity}
        criteria={saving?.criteria ?? []}
        count={saving?.count ?? null}
        onClose={() => setSaving(null)}
        onSaved={(saved) => {
          setSaving(null);
          toast(t('find.selectionSaved', { name: saved.name }));
          navigate(paths.selection(saved.id));
        }}
      />
      {bulk === null ? null : <BulkUpdateDialog open entity={entity} target={{ filter: bulk.filter }} count={bulk.count} onClose={() => setBulk(null)} />}
    </div>
  );
}

/** Converts a list's filter into criteria sets, the shape a selection stores. */
function toSets(filter: Filter): Criterion[][] {
  if (isSets(filter)) return filter;
  return filter.length === 0 ? [] : [filter as Criterion[]];
}

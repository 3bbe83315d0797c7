import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { fetchPage, selections } from '../api/endpoints';
import type { Company, Language, Person, Selection } from '../api/types';
import { Dialog } from '../ui/Dialog';
import { useToast } from '../ui/toast';
import { describeSelectionError } from './selectionErrors';
import { countedRecords, recordsWord } from './selectionLabels';
import { recordKindOf, refreshSelection } from './selectionQueries';

/** Waiting time after the last key press before the search runs. */
const SEARCH_DELAY_MS = 250;
/** Matches shown per search. The user types more of the name to find others. */
const MAX_RESULTS = 25;

interface Candidate {
  id: number;
  name: string;
  /** Company of a person, or city of a company, to tell equal names apart. */
  detail: string | null;
}

function toCandidate(record: Person | Company, entity: Selection['entity']): Candidate {
  if (entity === 'person') {
    const person = record as Person;
    return { id: person.id, name: person.fullName, detail: person.company?.name ?? null };
  }
  const company = record as Company;
  return { id: company.id, name: company.name, detail: company.city };
}

interface AddMembersDialogProps {
  open: boolean;
  selection: Selection;
  onClose: () => void;
}

export function AddMembersDialog(props: AddMembersDialogProps) {
  // The dialog unmounts when closed, so the next opening starts with an empty search.
  if (!props.open) return null;
  return <AddMembersForm {...props} />;
}

/** Finds persons or companies by name, lets the user tick them and adds them to a static selection. */
function AddMembersForm({ selection, onClose }: AddMembersDialogProps) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const queryClient = useQueryClient();
  const toast = useToast();
  const searchId = useId();
  const [text, setText] = useState('');
  const [search, setSearch] = useState('');
  // Ticked records by id, kept while the user searches for more.
  const [ticked, setTicked] = useState<Map<number, Candidate>>(new Map());
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const kind = recordKindOf(selection.entity);
  const records = recordsWord(t, selection);

  useEffect(() => {
    const timer = window.setTimeout(() => setSearch(text.trim()), SEARCH_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [text]);

  const filter = search === '' ? [] : [{ field: 'name', operator: 'contains', values: [search] }];
  const results = useQuery({
    queryKey: [kind, 'memberSearch', filter, MAX_RESULTS],
    queryFn: ({ signal }) => fetchPage<Person | Company>(kind, { filter, sort: 'name', limit: MAX_RESULTS }, signal),
    enabled: search !== '',
  });
  const candidates = (results.data?.items ?? []).map((record) => toCandidate(record, selection.entity));

  function toggle(candidate: Candidate, checked: boolean) {
    setTicked((current) => {
      const next = new Map(current);
      if (checked) next.set(candidate.id, candidate);
      else next.delete(candidate.id);
      return next;
    });
  }

  async function add() {
    setBusy(true);
    setFailure(null);
    try {
      const ids = [...ticked.keys()];
      const { added } = await selections.addMembers(selection.id, ids);
      const already = ids.length - added;
      const counted = countedRecords(t, selection, added, language);
      toast(already === 0 ? t('selections.membersAdded', { counted }) : t('selections.membersAddedSome', { counted, already }));
      await refreshSelection(queryClient, selection.entity);
      onClose();
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog
      title={t('selections.addMembersTitle', { name: selection.name })}
      description={t('selections.addMembersText', { records })}
      open
      onClose={onClose}
      size="medium"
      footer={
        <>
          <button type="button" className="button button-ghost" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="button" className="button button-primary" disabled={busy || ticked.size === 0} onClick={() => void add()}>
            {t('selections.addTicked', { count: ticked.size })}
          </button>
        </>
      }
    >
      <div className="form-stack">
        {failure !== null ? (
          <div className="notice notice-error" role="alert">
            <p>{describeSelectionError(t, failure)}</p>
          </div>
        ) : null}
        <div className="field">
          <label htmlFor={searchId} className="field-label">
            {t('selections.searchByName')}
          </label>
          <input
            id={searchId}
            type="search"
            autoComplete="off"
            autoFocus
            value={text}
            placeholder={selection.entity === 'person' ? t('selections.searchPersonPlaceholder') : t('selections.searchCompanyPlaceholder')}
            onChange={(event) => setText(event.target.value)}
          />
        </div>

        <SearchResults
          search={search}
          pending={results.isFetching}
          error={results.isError ? results.error : null}
          candidates={candidates}
          total={results.data?.total ?? null}
          ticked={ticked}
          onToggle={toggle}
        />

        {ticked.size > 0 ? (
          <div className="member-ticked">
            <p className="section-title">{t('selections.tickedTitle', { count: ticked.size })}</p>
            <ul className="member-ticked-list">
              {[...ticked.values()].map((candidate) => (
                <li key={candidate.id} className="chip">
                  {candidate.name}
                  <button
                    type="button"
                    className="chip-remove"
                    aria-label={t('selections.untick', { name: candidate.name })}
                    onClick={() => toggle(candidate, false)}
                  >
                    <span aria-hidden="true">×</span>
                  </button>
                </li>
              ))}
            </ul>
          </div>
        ) : null}
      </div>
    </Dialog>
  );
}

function SearchResults({
  search,
  pending,
  error,
  candidates,
  total,
  ticked,
  onToggle,
}: {
  search: string;
  pending: boolean;
  error: unknown;
  candidates: Candidate[];
  total: number | null;
  ticked: Map<number, Candidate>;
  onToggle: (candidate: Candidate, checked: boolean) => void;
}) {
  const { t } = useTranslation();

  if (search === '') return <p className="muted member-results-message">{t('selections.searchFirst')}</p>;
  if (error) {
    return (
      <div className="notice notice-error" role="alert">
        <p>{describeSelectionError(t, error)}</p>
      </div>
    );
  }
  if (pending && candidates.length === 0) return <p className="muted member-results-message">{t('common.loading')}</p>;
  if (candidates.length === 0) return <p className="muted member-results-message">{t('selections.noResults', { search })}</p>;

  return (
    <div>
      <ul className="member-results" aria-label={t('selections.resultsLabel')} aria-busy={pending}>
        {candidates.map((candidate) => (
          <li key={candidate.id}>
            <label className="choice member-result">
              <input type="checkbox" checked={ticked.has(candidate.id)} onChange={(event) => onToggle(candidate, event.target.checked)} />
              <span className="member-result-name">{candidate.name}</span>
              {candidate.detail ? <span className="muted member-result-detail">{candidate.detail}</span> : null}
            </label>
          </li>
        ))}
      </ul>
      {total !== null && total > candidates.length ? (
        <p className="field-hint">{t('selections.moreResults', { shown: candidates.length, total })}</p>
      ) : null}
    </div>
  );
}

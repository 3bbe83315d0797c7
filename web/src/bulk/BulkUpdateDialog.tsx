import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { bulkUpdates } from '../api/endpoints';
import type { BulkUpdate, BulkUpdateTarget, Language, SelectionEntity } from '../api/types';
import { formatNumber } from '../i18n/format';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { Dialog } from '../ui/Dialog';
import { Spinner } from '../ui/feedback';
import { BulkError } from './BulkError';
import { ChangeForm } from './ChangeForm';
import { EMPTY_CHOICE, isActive, MAX_TICKED_IDS, toChanges, type BulkChoice } from './changes';
import { PreviewStep, type PreviewCounts } from './PreviewStep';
import { RunProgress } from './RunProgress';
import { RunResult } from './RunResult';
import { runQueryKey, useBulkRun } from './useBulkRun';

export interface BulkUpdateDialogProps {
  open: boolean;
  entity: SelectionEntity;
  target: BulkUpdateTarget;
  /** Records in the target as the screen counted them, for the dialog's title; null when unknown. */
  count: number | null;
  onClose: () => void;
}

type Step = 'choose' | 'preview' | 'run' | 'result';
const STEPS: Step[] = ['choose', 'preview', 'run', 'result'];

/** Asks the server what a bulk update would do, in the one shape the dialog shows for both kinds. */
async function fetchPreview(entity: SelectionEntity, target: BulkUpdateTarget, choice: BulkChoice): Promise<PreviewCounts> {
  if (entity === 'person') return bulkUpdates.previewPersons(target, toChanges('person', choice) ?? {});

  // Companies are never refused: any category may be set on any company.
  const counts = await bulkUpdates.previewCompanies(target, toChanges('company', choice) ?? { categoryId: null });
  return { ...counts, refused: [] };
}

/** Sets lead status or owner (persons) or category (companies) on many records: preview, run, log. */
export function BulkUpdateDialog({ open, entity, target, count, onClose }: BulkUpdateDialogProps) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const queryClient = useQueryClient();

  const [step, setStep] = useState<Step>('choose');
  const [choice, setChoice] = useState<BulkChoice>(EMPTY_CHOICE);
  const [choiceMissing, setChoiceMissing] = useState(false);
  const [runId, setRunId] = useState<number | null>(null);
  const [confirmingClose, setConfirmingClose] = useState(false);

  const runQuery = useBulkRun(runId, open);
  const run = runQuery.data;
  const running = run !== undefined && isActive(run.status);

  // Opening the dialog starts over. While the previous run is still going, it shows that run instead.
  const [wasOpen, setWasOpen] = useState(open);
  if (open !== wasOpen) {
    setWasOpen(open);
    if (open && !running) {
      setStep('choose');
      setChoice(EMPTY_CHOICE);
      setChoiceMissing(false);
      setRunId(null);
    }
  }

  const shownStep: Step = step === 'run' && run !== undefined && !running ? 'result' : step;
  const changes = toChanges(entity, choice);
  const tickedCount = 'ids' in target ? target.ids.length : 0;
  const tooManyTicked = tickedCount > MAX_TICKED_IDS;

  const preview = useQuery({
    queryKey: ['bulkUpdate', 'preview', entity, target, changes],
    queryFn: () => fetchPreview(entity, target, choice),
    enabled: open && shownStep === 'preview' && changes !== null,
    retry: false,
    staleTime: 0,
    gcTime: 0,
  });

  const start = useMutation({
    mutationFn: (): Promise<BulkUpdate> =>
      entity === 'person'
        ? bulkUpdates.startPersons(target, toChanges('person', choice) ?? {})
        : bulkUpdates.startCompanies(target, toChanges('company', choice) ?? { categoryId: null }),
    onSuccess: (state) => {
      queryClient.setQueryData(runQueryKey(state.id), state);
      setRunId(state.id);
      setStep('run');
    },
  });

  const stop = useMutation({
    mutationFn: (id: number) => bulkUpdates.stop(id),
    onSuccess: (state) => queryClient.setQueryData(runQueryKey(state.id), state),
  });

  // Each step gets focus on its heading, so keyboard and screen reader users start at its top.
  const heading = useRef<HTMLHeadingElement>(null);
  const firstStep = useRef(true);
  useEffect(() => {
    if (firstStep.current) {
      firstStep.current = false;
      return;
    }
    heading.current?.focus();
  }, [shownStep]);

  function requestClose() {
    if (running) setConfirmingClose(true);
    else onClose();
  }

  function goToPreview() {
    if (changes === null) {
      setChoiceMissing(true);
      return;
    }
    setChoiceMissing(false);
    start.reset();
    setStep('preview');
  }

  let title = t(entity === 'person' ? 'bulkUpdate.titlePersonsUncounted' : 'bulkUpdate.titleCompaniesUncounted');
  if (count !== null) {
    title = t(entity === 'person' ? 'bulkUpdate.titlePersons' : 'bulkUpdate.titleCompanies', { count, formatted: formatNumber(count, language) });
  }
  const stepTitle = t(`bulkUpdate.${shownStep}Title`);

  let content;
  let footer;
  if (shownStep === 'choose') {
    content = (
      <>
        {tooManyTicked ? (
          <p className="notice notice-warning">
            {t('bulkUpdate.tooManyTicked', { formatted: formatNumber(tickedCount, language), max: formatNumber(MAX_TICKED_IDS, language) })}
          </p>
        ) : null}
        <ChangeForm entity={entity} choice={choice} onChange={setChoice} error={choiceMissing && changes === null ? t('bulkUpdate.chooseRequired') : undefined} />
      </>
    );
    footer = (
      <>
        <button type="button" className="button button-ghost" onClick={requestClose}>
          {t('common.cancel')}
        </button>
        <button type="button" className="button button-primary" onClick={goToPreview} disabled={tooManyTicked}>
          {t('bulkUpdate.toPreview')}
        </button>
      </>
    );
  } else if (shownStep === 'preview') {
    content = (
      <>
        <PreviewStep entity={entity} target={target} choice={choice} preview={preview.data} error={preview.error} onRetry={() => void preview.refetch()} />
        {start.isError ? <BulkError error={start.error} /> : null}
      </>
    );
    footer = (
      <>
        <button type="button" className="button button-ghost" onClick={() => setStep('choose')} disabled={start.isPending}>
          {t('bulkUpdate.back')}
        </button>
        <button type="button" className="button button-ghost" onClick={requestClose} disabled={start.isPending}>
          {t('common.cancel')}
        </button>
        <button
          type="button"
          className="button button-primary"
          onClick={() => start.mutate()}
          disabled={preview.data === undefined || preview.data.change === 0 || start.isPending}
        >
          {start.isPending ? t('bulkUpdate.starting') : t('bulkUpdate.run')}
        </button>
      </>
    );
  } else if (run === undefined) {
    content = runQuery.isError ? <BulkError error={runQuery.error} onRetry={() => void runQuery.refetch()} /> : <Spinner label={t('common.loading')} />;
    footer = (
      <button type="button" className="button button-secondary" onClick={onClose}>
        {t('bulkUpdate.close')}
      </button>
    );
  } else if (shownStep === 'run') {
    content = (
      <>
        <RunProgress run={run} />
        {runQuery.isError ? <BulkError error={runQuery.error} onRetry={() => void runQuery.refetch()} /> : null}
        {stop.isError ? <BulkError error={stop.error} /> : null}
      </>
    );
    footer = (
      <>
        <button type="button" className="button button-secondary" onClick={requestClose}>
          {t('bulkUpdate.close')}
        </button>
        <button type="button" className="button button-danger" onClick={() => stop.mutate(run.id)} disabled={run.status !== 'running' || stop.isPending}>
          {t('bulkUpdate.stop')}
        </button>
      </>
    );
  } else {
    content = <RunResult run={run} entity={entity} />;
    footer = (
      <button type="button" className="button button-primary" onClick={onClose}>
        {t('bulkUpdate.close')}
      </button>
    );
  }

  return (
    <>
      <Dialog title={title} open={open} onClose={requestClose} size="large" footer={footer}>
        <ol className="bulk-steps" aria-label={t('bulkUpdate.steps.label')}>
          {STEPS.map((candidate, index) => (
            <li
              key={candidate}
              className={`bulk-steps-item${candidate === shownStep ? ' is-current' : ''}${STEPS.indexOf(shownStep) > index ? ' is-done' : ''}`}
              aria-current={candidate === shownStep ? 'step' : undefined}
            >
              <span className="bulk-steps-number" aria-hidden="true">
                {index + 1}
              </span>
              {t(`bulkUpdate.steps.${candidate}`)}
            </li>
          ))}
        </ol>
        <h3 ref={heading} tabIndex={-1} className="bulk-step-title">
          {stepTitle}
        </h3>
        {content}
      </Dialog>
      <ConfirmDialog
        open={open && confirmingClose}
        title={t('bulkUpdate.closeRunningTitle')}
        text={t('bulkUpdate.closeRunningText')}
        confirmLabel={t('bulkUpdate.closeRunningConfirm')}
        busy={false}
        error={null}
        onCancel={() => setConfirmingClose(false)}
        onConfirm={() => {
          setConfirmingClose(false);
          onClose();
        }}
      />
    </>
  );
}

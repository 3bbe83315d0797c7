import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { Company, Language } from '../api/types';
import { Link, paths } from '../app/router';
import { formatDate } from '../i18n/format';
import { Dialog } from '../ui/Dialog';
import { describeError } from '../ui/errors';
import { EmptyState, ErrorNotice, Spinner } from '../ui/feedback';
import { useToast } from '../ui/toast';
import { SaleFormDialog } from './SaleFormDialog';
import { type Sale, companySalesKey, sales } from './salesApi';

/** Shows the Verkopen tab of a company card: its sales, a button for a new one and won/lost actions. */
export function CompanySales({ company }: { company: Company }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const toast = useToast();
  const queryClient = useQueryClient();
  const list = useQuery({ queryKey: companySalesKey(company.id), queryFn: () => sales.listOfCompany(company.id) });
  const [adding, setAdding] = useState(false);
  const [losing, setLosing] = useState<Sale | null>(null);
  const [markError, setMarkError] = useState<unknown>(null);
  const editable = company.deletedAt === null;

  async function markSold(sale: Sale) {
    setMarkError(null);
    try {
      await sales.update(sale.id, sale.version, { status: 'sold' });
      await queryClient.invalidateQueries({ queryKey: companySalesKey(company.id) });
      toast(t('sales.markedSold', { title: sale.title }));
    } catch (error) {
      setMarkError(error);
    }
  }

  const addButton = editable ? (
    <button type="button" className="button button-primary" onClick={() => setAdding(true)}>
      <span className="icon icon-plus" aria-hidden="true" />
      {t('sales.add')}
    </button>
  ) : null;

  let body;
  if (list.isPending) body = <Spinner label={t('common.loading')} />;
  else if (list.isError) body = <ErrorNotice error={list.error} onRetry={() => void list.refetch()} />;
  else if (list.data.items.length === 0) body = <EmptyState title={t('sales.emptyTitle')}>{t('sales.emptyText')}</EmptyState>;
  else {
    body = (
      <table className="simple-table sales-table">
        <caption className="visually-hidden">{t('sales.caption', { company: company.name })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('sales.saleDate')}</th>
            <th scope="col">{t('sales.title')}</th>
            <th scope="col" className="sales-amount">
              {t('sales.amount')}
            </th>
            <th scope="col">{t('sales.status')}</th>
            <th scope="col">{t('sales.owner')}</th>
            <th scope="col">{t('sales.person')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('sales.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {list.data.items.map((sale) => (
            <tr key={sale.id}>
              <td className="nowrap">{formatDate(`${sale.saleDate}T12:00:00`, language)}</td>
              <td>{sale.title}</td>
              <td className="sales-amount">{sale.amount === null ? <span className="muted">—</span> : formatAmount(sale.amount, language)}</td>
              <td>
                <span className={`sale-status sale-status-${sale.status}`}>{t(`sales.statuses.${sale.status}`)}</span>
                {sale.status === 'lost' && sale.reason ? <span className="sale-reason"> · {sale.reason}</span> : null}
              </td>
              <td>{sale.owner?.name ?? <span className="muted">{t('common.nobody')}</span>}</td>
              <td>{sale.person ? <Link to={paths.person(sale.person.id)}>{sale.person.name}</Link> : <span className="muted">—</span>}</td>
              <td className="sales-actions">
                {editable && sale.status === 'open' ? (
                  <>
                    <button type="button" className="button button-secondary button-small" onClick={() => void markSold(sale)} aria-label={t('sales.markSoldLabel', { title: sale.title })}>
                      {t('sales.markSold')}
                    </button>
                    <button type="button" className="button button-ghost button-small" onClick={() => setLosing(sale)} aria-label={t('sales.markLostLabel', { title: sale.title })}>
                      {t('sales.markLost')}
                    </button>
                  </>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    );
  }

  return (
    <section className="company-sales" aria-label={t('sales.caption', { company: company.name })}>
      <div className="sales-toolbar">{addButton}</div>
      {markError ? (
        <div className="notice notice-error" role="alert">
          <p>{describeError(t, markError)}</p>
        </div>
      ) : null}
      {body}
      <SaleFormDialog
        company={company}
        open={adding}
        onClose={() => setAdding(false)}
        onSaved={() => {
          setAdding(false);
          toast(t('sales.saved'));
        }}
      />
      {losing === null ? null : <LoseSaleDialog sale={losing} onClose={() => setLosing(null)} />}
    </section>
  );
}

function formatAmount(amount: number, language: Language): string {
  return new Intl.NumberFormat(language === 'nl' ? 'nl-NL' : 'en-GB', { style: 'currency', currency: 'EUR' }).format(amount);
}

/** Asks why a sale was lost and marks it lost. */
function LoseSaleDialog({ sale, onClose }: { sale: Sale; onClose: () => void }) {
  const { t } = useTranslation();
  const toast = useToast();
  const queryClient = useQueryClient();
  const reasonId = useId();
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function confirm() {
    setBusy(true);
    setError(null);
    try {
      await sales.update(sale.id, sale.version, { status: 'lost', reason: reason.trim() === '' ? null : reason.trim() });
      await queryClient.invalidateQueries({ queryKey: companySalesKey(sale.companyId) });
      toast(t('sales.markedLost', { title: sale.title }));
      onClose();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog
      title={t('sales.lostTitle', { title: sale.title })}
      open
      size="small"
      onClose={onClose}
      footer={
        <>
          <button type="button" className="button button-ghost" onClick={onClose} disabled={busy}>
            {t('common.cancel')}
          </button>
          <button type="button" className="button button-primary" onClick={() => void confirm()} disabled={busy}>
            {t('sales.markLost')}
          </button>
        </>
      }
    >
      <div className="field">
        <label htmlFor={reasonId} className="field-label">
          {t('sales.reason')}
        </label>
        <textarea id={reasonId} rows={3} maxLength={2000} value={reason} onChange={(event) => setReason(event.target.value)} />
      </div>
      {error ? (
        <div className="notice notice-error" role="alert">
          <p>{describeError(t, error)}</p>
        </div>
      ) : null}
    </Dialog>
  );
}

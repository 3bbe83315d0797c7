import type { Company } from '../api/types';
import { paths } from '../app/router';
import { formatDate, formatNumber } from '../i18n/format';
import { CategoryCell, CategoryGroupCell, OwnerCell, RecordLinkCell, TextCell, YesNoCell } from '../lists/cells';
import type { ColumnSpec } from '../lists/columns';
import type { ListLayout } from '../lists/layout';

type CompanyRow = Company & { personCount?: number };

/** Every column a list of companies can show. The ids are stored in users' layouts. */
export const COMPANY_COLUMNS: ColumnSpec<CompanyRow>[] = [
  {
    id: 'name',
    labelKey: 'fields.companyName',
    kind: 'text',
    width: 240,
    sortField: 'name',
    filterField: 'name',
    hideable: false,
    render: (company) => <RecordLinkCell href={paths.company(company.id)} text={company.name} />,
  },
  {
    id: 'category',
    labelKey: 'fields.category',
    kind: 'list',
    width: 170,
    sortField: 'category',
    filterField: 'category',
    groupable: true,
    options: 'categories',
    render: (c) => <CategoryCell category={c.category} />,
  },
  {
    id: 'categoryGroup',
    labelKey: 'fields.categoryGroup',
    kind: 'list',
    width: 180,
    sortField: 'categoryGroup',
    filterField: 'categoryGroup',
    groupable: true,
    options: 'categoryGroups',
    render: (c) => <CategoryGroupCell group={c.categoryGroup} />,
  },
  {
    id: 'leadStatusEnabled',
    labelKey: 'fields.leadStatusEnabled',
    kind: 'boolean',
    width: 170,
    sortField: 'leadStatusEnabled',
    filterField: 'leadStatusEnabled',
    groupable: true,
    render: (c) => <YesNoCell value={c.category?.leadStatusEnabled ?? false} />,
  },
  {
    id: 'owner',
    labelKey: 'fields.owner',
    kind: 'list',
    width: 215,
    sortField: 'owner',
    filterField: 'owner',
    groupable: true,
    options: 'users',
    render: (c) => <OwnerCell owner={c.owner} />,
  },
  { id: 'street', labelKey: 'fields.street', kind: 'text', width: 200, sortField: 'street', filterField: 'street', render: (c) => <TextCell value={c.street} /> },
  { id: 'postcode', labelKey: 'fields.postcode', kind: 'text', width: 110, sortField: 'postcode', filterField: 'postcode', render: (c) => <TextCell value={c.postcode} /> },
  { id: 'city', labelKey: 'fields.city', kind: 'text', width: 150, sortField: 'city', filterField: 'city', render: (c) => <TextCell value={c.city} /> },
  { id: 'country', labelKey: 'fields.country', kind: 'text', width: 140, sortField: 'country', filterField: 'country', render: (c) => <TextCell value={c.country} /> },
  { id: 'phone', labelKey: 'fields.phone', kind: 'text', width: 140, sortField: 'phone', filterField: 'phone', render: (c) => <TextCell value={c.phone} /> },
  { id: 'website', labelKey: 'fields.website', kind: 'text', width: 200, sortField: 'website', filterField: 'website', render: (c) => <TextCell value={c.website} /> },
  {
    id: 'personCount',
    labelKey: 'fields.personCount',
    kind: 'number',
    width: 120,
    sortField: 'personCount',
    filterField: 'personCount',
    render: (c, { language }) => <span className="cell-number">{formatNumber(c.personCount ?? null, language)}</span>,
  },
  {
    id: 'registeredAt',
    labelKey: 'fields.registeredAt',
    kind: 'date',
    width: 175,
    sortField: 'registeredAt',
    filterField: 'registeredAt',
    render: (c, { language }) => <TextCell value={formatDate(c.registeredAt, language)} />,
  },
  {
    id: 'updatedAt',
    labelKey: 'fields.updatedAt',
    kind: 'date',
    width: 150,
    sortField: 'updatedAt',
    filterField: 'updatedAt',
    render: (c, { language }) => <TextCell value={formatDate(c.updatedAt, language)} />,
  },
];

export const COMPANY_LIST_DEFAULTS: ListLayout = {
  columns: ['name', 'category', 'categoryGroup', 'city', 'owner'],
  widths: {},
  sort: [{ columnId: 'name', descending: false }],
  filters: {},
  groupBy: [],
};

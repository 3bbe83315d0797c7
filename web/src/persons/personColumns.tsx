import type { Person } from '../api/types';
import { Link, paths } from '../app/router';
import { formatDate, formatNumber } from '../i18n/format';
import { CategoryCell, CategoryGroupCell, OwnerCell, RecordLinkCell, TextCell, YesNoCell } from '../lists/cells';
import type { ColumnSpec } from '../lists/columns';
import type { ListLayout } from '../lists/layout';
import { LeadStatusBadge } from './LeadStatusBadge';

/** Every column a list of persons can show. The ids are stored in users' layouts. */
export const PERSON_COLUMNS: ColumnSpec<Person>[] = [
  {
    id: 'name',
    labelKey: 'fields.name',
    kind: 'text',
    width: 165,
    sortField: 'lastName',
    filterField: 'name',
    hideable: false,
    render: (person) => <RecordLinkCell href={paths.person(person.id)} text={person.fullName} />,
  },
  { id: 'salutation', labelKey: 'fields.salutation', kind: 'text', width: 110, sortField: 'salutation', filterField: 'salutation', render: (p) => <TextCell value={p.salutation} /> },
  { id: 'firstName', labelKey: 'fields.firstName', kind: 'text', width: 140, sortField: 'firstName', filterField: 'firstName', render: (p) => <TextCell value={p.firstName} /> },
  { id: 'middleName', labelKey: 'fields.middleName', kind: 'text', width: 120, sortField: 'middleName', filterField: 'middleName', render: (p) => <TextCell value={p.middleName} /> },
  { id: 'lastName', labelKey: 'fields.lastName', kind: 'text', width: 160, sortField: 'lastName', filterField: 'lastName', render: (p) => <TextCell value={p.lastName} /> },
  {
    id: 'company',
    labelKey: 'fields.company',
    kind: 'text',
    width: 155,
    sortField: 'company',
    filterField: 'companyName',
    render: (person) =>
      person.company === null ? (
        <TextCell value={null} />
      ) : (
        <Link to={paths.company(person.company.id)} className="cell-link cell-link-secondary" title={person.company.name}>
          {person.company.name}
        </Link>
      ),
  },
  { id: 'jobTitle', labelKey: 'fields.jobTitle', kind: 'text', width: 130, sortField: 'jobTitle', filterField: 'jobTitle', render: (p) => <TextCell value={p.jobTitle} /> },
  { id: 'email', labelKey: 'fields.email', kind: 'text', width: 180, sortField: 'email', filterField: 'email', render: (p) => <TextCell value={p.email} /> },
  { id: 'phone', labelKey: 'fields.phone', kind: 'text', width: 130, sortField: 'phone', filterField: 'phone', render: (p) => <TextCell value={p.phone} /> },
  { id: 'mobile', labelKey: 'fields.mobile', kind: 'text', width: 140, sortField: 'mobile', filterField: 'mobile', render: (p) => <TextCell value={p.mobile} /> },
  {
    id: 'category',
    labelKey: 'fields.category',
    kind: 'list',
    width: 125,
    sortField: 'category',
    filterField: 'category',
    groupable: true,
    options: 'categories',
    render: (p) => <CategoryCell category={p.category} />,
  },
  {
    id: 'categoryGroup',
    labelKey: 'fields.categoryGroup',
    kind: 'list',
    width: 170,
    sortField: 'categoryGroup',
    filterField: 'categoryGroup',
    groupable: true,
    options: 'categoryGroups',
    render: (p) => <CategoryGroupCell group={p.categoryGroup} />,
  },
  {
    id: 'leadStatus',
    labelKey: 'fields.leadStatus',
    kind: 'list',
    width: 170,
    sortField: 'leadStatus',
    filterField: 'leadStatus',
    groupable: true,
    options: 'leadStatuses',
    render: (p) =>
      p.leadStatus === null ? <TextCell value={null} /> : <LeadStatusBadge status={p.leadStatus} retained={p.leadStatusRetained} />,
  },
  {
    id: 'daysInStatus',
    labelKey: 'fields.daysInStatus',
    kind: 'number',
    width: 165,
    sortField: 'daysInStatus',
    filterField: 'daysInStatus',
    render: (p, { language }) => <span className="cell-number">{formatNumber(p.daysInStatus, language)}</span>,
  },
  {
    id: 'leadStatusChangedAt',
    labelKey: 'fields.leadStatusChangedAt',
    kind: 'date',
    width: 210,
    sortField: 'leadStatusChangedAt',
    filterField: 'leadStatusChangedAt',
    render: (p, { language }) => <TextCell value={formatDate(p.leadStatusChangedAt, language)} />,
  },
  {
    id: 'owner',
    labelKey: 'fields.owner',
    kind: 'list',
    width: 200,
    sortField: 'owner',
    filterField: 'owner',
    groupable: true,
    options: 'users',
    render: (p) => <OwnerCell owner={p.owner} />,
  },
  { id: 'leadSource', labelKey: 'fields.leadSource', kind: 'text', width: 150, sortField: 'leadSource', filterField: 'leadSource', render: (p) => <TextCell value={p.leadSource} /> },
  {
    id: 'formerEmployee',
    labelKey: 'fields.formerEmployee',
    kind: 'boolean',
    width: 140,
    sortField: 'formerEmployee',
    filterField: 'formerEmployee',
    groupable: true,
    render: (p) => <YesNoCell value={p.formerEmployee} />,
  },
  {
    id: 'registeredAt',
    labelKey: 'fields.registeredAt',
    kind: 'date',
    width: 170,
    sortField: 'registeredAt',
    filterField: 'registeredAt',
    render: (p, { language }) => <TextCell value={formatDate(p.registeredAt, language)} />,
  },
  {
    id: 'updatedAt',
    labelKey: 'fields.updatedAt',
    kind: 'date',
    width: 150,
    sortField: 'updatedAt',
    filterField: 'updatedAt',
    render: (p, { language }) => <TextCell value={formatDate(p.updatedAt, language)} />,
  },
];

export const PERSON_LIST_DEFAULTS: ListLayout = {
  columns: ['name', 'company', 'category', 'leadStatus', 'daysInStatus', 'owner'],
  widths: {},
  sort: [{ columnId: 'name', descending: false }],
  filters: {},
  groupBy: [],
};

/** The Contactpersonen tab of a company card: the company is known, so its columns are left out. */
export const COMPANY_PERSON_LIST_DEFAULTS: ListLayout = {
  columns: ['name', 'jobTitle', 'email', 'phone', 'leadStatus', 'owner'],
  widths: {},
  sort: [{ columnId: 'name', descending: false }],
  filters: {},
  groupBy: [],
};

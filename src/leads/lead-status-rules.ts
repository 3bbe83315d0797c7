/**
 * The lead status rules as pure functions. Every path that changes a person's company, a company's
 * category, a category's flag or a lead status goes through these, so that edit, board, bulk
 * update, import, API and automation cannot disagree.
 */

/** What the lead status of one person does when the lead status of its company changes. */
export type LeadStatusTransition =
  /** Lead status stays enabled (moving between two lead-enabled categories): keep the status. */
  | { kind: 'keep' }
  /** Lead status becomes enabled: a new lead cycle starts at the default status. */
  | { kind: 'startCycle' }
  /** Lead status stops being enabled: the last status is retained, hidden and read-only. */
  | { kind: 'retain' }
  /** Lead status was not enabled and still is not: nothing changes. */
  | { kind: 'none' };

/**
 * Decides what happens to a person's lead status when the lead-status flag of its company changes
 * from `wasEnabled` to `isEnabled`. The flag is "the company has a category whose lead status is
 * enabled"; a person without a company has it false.
 */
export function leadStatusTransition(wasEnabled: boolean, isEnabled: boolean): LeadStatusTransition {
  if (wasEnabled && isEnabled) return { kind: 'keep' };
  if (!wasEnabled && isEnabled) return { kind: 'startCycle' };
  if (wasEnabled && !isEnabled) return { kind: 'retain' };
  return { kind: 'none' };
}

/** The lead-status part of a company's category, as the rules need it. */
export interface CategoryLeadInfo {
  id: number;
  name: string;
  leadStatusEnabled: boolean;
}

/** Tells whether persons of a company with this category (or none) have an enabled lead status. */
export function isLeadStatusEnabled(category: CategoryLeadInfo | null): boolean {
  return category?.leadStatusEnabled ?? false;
}

/**
 * Explains, in one sentence for the API and logs, why a person's lead status cannot change.
 * The web app shows its own translated text for the same code.
 */
export function leadStatusNotEnabledReason(
  personId: number | null,
  company: { id: number; name: string } | null,
  category: CategoryLeadInfo | null,
): string {
  const who = personId === null ? 'the new person' : `person ${personId}`;
  if (company === null) {
    return `lead status cannot be set on ${who}: the person has no company, and only persons of a company in a lead-enabled category have a lead status`;
  }
  if (category === null) {
    return `lead status cannot be set on ${who}: company ${company.id} ("${company.name}") has no category; give it a category with lead status enabled first`;
  }
  return `lead status cannot be set on ${who}: company ${company.id}'s category "${category.name}" has no lead status; move the company to a lead-enabled category first`;
}

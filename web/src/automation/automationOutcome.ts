/**
 * The `automation` field of person and sale responses: what a category automation rule did to the
 * company, or suggests doing when it needs confirmation first.
 */
export interface AutomationOutcome {
  trigger: 'leadStatusSet' | 'saleRegistered' | 'saleSold' | 'saleLost';
  companyId: number;
  companyName: string;
  fromCategoryId: number | null;
  suggestedCategoryId: number;
  suggestedCategoryName: string;
  applied: boolean;
  companyVersion: number;
}

type Listener = (outcome: AutomationOutcome) => void;

const listeners = new Set<Listener>();

/** Registers a listener for automation outcomes; returns the function that removes it again. */
export function onAutomationOutcome(listener: Listener): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

/**
 * Passes the automation outcome of a write response to the listeners (the confirmation dialog)
 * and returns the response unchanged, so API calls can end with `.then(reportAutomation)`.
 */
export function reportAutomation<T>(response: T): T {
  const outcome = (response as { automation?: AutomationOutcome | null } | null)?.automation;
  if (outcome) {
    for (const listener of listeners) listener(outcome);
  }
  return response;
}

import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { Language, SelectionEntity } from '../api/types';
import { CriterionLine, lineFieldId } from './CriterionLine';
import { blankLine, blankSet, type DraftLine, type DraftSet } from './draft';

interface CriteriaBuilderProps {
  entity: SelectionEntity;
  draft: DraftSet[];
  onChange: (draft: DraftSet[]) => void;
  /** Messages of invalid lines, by line key. */
  errors: Map<number, string>;
  language: Language;
}

/**
 * Edits criteria sets: the lines of a set must all match ("en"), and a record matches when it
 * matches any set ("of"). Added lines get the focus, so the builder works from the keyboard.
 */
export function CriteriaBuilder({ entity, draft, onChange, errors, language }: CriteriaBuilderProps) {
  const { t } = useTranslation();
  const [focusId, setFocusId] = useState<string | null>(null);

  useEffect(() => {
    if (focusId === null) return;
    document.getElementById(focusId)?.focus();
    setFocusId(null);
  }, [focusId, draft]);

  function updateSet(setKey: number, lines: DraftLine[]) {
    onChange(draft.map((set) => (set.key === setKey ? { ...set, lines } : set)));
  }

  function addLine(set: DraftSet) {
    const line = blankLine();
    updateSet(set.key, [...set.lines, line]);
    setFocusId(lineFieldId(line.key));
  }

  function removeLine(set: DraftSet, index: number) {
    const lines = set.lines.filter((_, position) => position !== index);
    if (lines.length > 0) {
      updateSet(set.key, lines);
      const neighbour = lines[Math.max(0, index - 1)];
      if (neighbour !== undefined) setFocusId(lineFieldId(neighbour.key));
      return;
    }
    // The last line of a set takes the set with it, unless it is the only set left.
    if (draft.length > 1) {
      removeSet(set);
      return;
    }
    const line = blankLine();
    updateSet(set.key, [line]);
    setFocusId(lineFieldId(line.key));
  }

  function addSet() {
    const set = blankSet();
    onChange([...draft, set]);
    const first = set.lines[0];
    if (first !== undefined) setFocusId(lineFieldId(first.key));
  }

  function removeSet(set: DraftSet) {
    const index = draft.indexOf(set);
    const rest = draft.filter((item) => item.key !== set.key);
    onChange(rest);
    const neighbour = rest[Math.max(0, index - 1)];
    setFocusId(neighbour === undefined ? 'find-add-set' : `find-set-${neighbour.key}-add`);
  }

  return (
    <div className="find-sets">
      {draft.map((set, setIndex) => {
        const setLabel = t('find.set', { number: setIndex + 1 });
        return (
          <div key={set.key} className="find-set-wrap">
            {setIndex > 0 ? (
              <p className="find-or">
                <span>{t('find.or')}</span>
              </p>
            ) : null}
            <section className="find-set" aria-label={setLabel}>
              {draft.length > 1 ? (
                <header className="find-set-header">
                  <h3 className="find-set-title">{setLabel}</h3>
                  <button type="button" className="button button-ghost button-small" onClick={() => removeSet(set)}>
                    {t('find.removeSet', { number: setIndex + 1 })}
                  </button>
                </header>
              ) : null}
              <ol className="find-lines">
                {set.lines.map((line, lineIndex) => (
                  <CriterionLine
                    key={line.key}
                    entity={entity}
                    line={line}
                    number={lineIndex + 1}
                    joined={lineIndex > 0}
                    error={errors.get(line.key)}
                    language={language}
                    onChange={(changed) => updateSet(set.key, set.lines.map((item) => (item.key === line.key ? changed : item)))}
                    onRemove={() => removeLine(set, lineIndex)}
                  />
                ))}
              </ol>
              <button id={`find-set-${set.key}-add`} type="button" className="button button-ghost button-small find-add-line" onClick={() => addLine(set)}>
                <span className="icon icon-plus" aria-hidden="true" />
                {t('find.addLine')}
              </button>
            </section>
          </div>
        );
      })}
      <button id="find-add-set" type="button" className="button button-secondary button-small find-add-set" onClick={addSet}>
        <span className="icon icon-plus" aria-hidden="true" />
        {t('find.addSet')}
      </button>
    </div>
  );
}

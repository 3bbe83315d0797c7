/** Renders one saved selection: its records as a list and what can be done with them. */
export default function SelectionPage({ selectionId }: { selectionId: number }) {
  return <div className="page" data-selection={selectionId} />;
}

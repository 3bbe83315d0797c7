/** Renders the saved selections the user may see. */
export default function SelectionListPage() {
  return <div className="page" />;
}

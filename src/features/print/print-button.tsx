/** "Print": the browser's print dialog, which prints the one-page summary (print.css). */
export function PrintButton() {
  return (
    <button type="button" className="button print-button" onClick={() => window.print()}>
      Print
    </button>
  );
}

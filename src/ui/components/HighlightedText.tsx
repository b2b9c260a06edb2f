import type { Evidence } from '../../engine/types';
import { segments } from './highlight';

/** Post text with matched words in <mark>; every piece is a text node (JSX strings), never HTML. */
export function HighlightedText({ text, evidence }: { text: string; evidence: readonly Evidence[] }) {
  return (
    <>
      {segments(text, evidence).map((segment, index) =>
        segment.marked ? <mark key={index}>{segment.text}</mark> : segment.text,
      )}
    </>
  );
}

import type { Ref, TextareaHTMLAttributes } from 'preact';

type NoteTextareaProps = Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'value' | 'onInput' | 'onKeyDown' | 'ref'> & {
  value: string;
  onValue: (value: string) => void;
  /** Ctrl+Enter (⌘+Enter on a Mac): save without leaving the keyboard. */
  onSubmit: () => void;
  boxRef?: Ref<HTMLTextAreaElement>;
};

/** A note's text box, the same wherever a note is written or edited: Ctrl+Enter saves. */
export function NoteTextarea({ value, onValue, onSubmit, boxRef, ...attributes }: NoteTextareaProps) {
  return (
    <textarea
      {...attributes}
      ref={boxRef}
      value={value}
      onInput={(event) => onValue(event.currentTarget.value)}
      onKeyDown={(event) => {
        if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
          event.preventDefault();
          onSubmit();
        }
      }}
    />
  );
}

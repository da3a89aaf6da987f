"use client";

import { useRef } from "react";
import { Button } from "~/app/_components/ui/button";

const spreadsheetTypes = ".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv";

/** A button that opens the browser's file picker for a spreadsheet; `id` names the hidden input (tests set files on it). */
export function FileUploadButton(props: { id: string; label: string; disabled?: boolean; onFile: (file: File) => void }) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <input
        ref={input}
        id={props.id}
        type="file"
        // The button below is the control; this input only opens the browser's file picker.
        aria-hidden
        tabIndex={-1}
        accept={spreadsheetTypes}
        className="sr-only"
        onChange={(e) => {
          const chosen = e.target.files?.[0];
          e.target.value = ""; // choosing the same file again must fire onChange
          if (chosen) props.onFile(chosen);
        }}
      />
      <Button type="button" variant="secondary" onClick={() => input.current?.click()} disabled={props.disabled}>
        {props.label}
      </Button>
    </>
  );
}

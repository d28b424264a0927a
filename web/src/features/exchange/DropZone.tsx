import { useEffect, useRef, useState, type ReactNode } from 'react';

/**
 * Where a file comes in: dropped anywhere on the page, or chosen with the button (which the
 * keyboard reaches). A drop outside the box is taken too rather than letting the browser open the
 * file in place of Rapport.
 */
export function DropZone({ onFile, onError, accept, title, hint, disabled }: {
  onFile: (file: File) => void;
  onError: (message: string) => void;
  accept: string;
  title: string;
  hint: ReactNode;
  disabled?: boolean;
}) {
  const input = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);
  const latest = useRef({ onFile, onError, disabled });
  useEffect(() => {
    latest.current = { onFile, onError, disabled };
  });

  useEffect(() => {
    let depth = 0;
    const hasFiles = (event: DragEvent) => event.dataTransfer?.types.includes('Files') ?? false;
    const enter = (event: DragEvent) => {
      if (!hasFiles(event)) return;
      depth += 1;
      setDragging(true);
    };
    const leave = (event: DragEvent) => {
      if (!hasFiles(event)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setDragging(false);
    };
    const over = (event: DragEvent) => {
      if (!hasFiles(event)) return;
      event.preventDefault();
      if (event.dataTransfer) event.dataTransfer.dropEffect = latest.current.disabled ? 'none' : 'copy';
    };
    const drop = (event: DragEvent) => {
      if (!hasFiles(event)) return;
      event.preventDefault();
      depth = 0;
      setDragging(false);
      if (latest.current.disabled) return;
      const files = [...(event.dataTransfer?.files ?? [])];
      if (files.length === 1) latest.current.onFile(files[0]!);
      else latest.current.onError(`Drop one file at a time (you dropped ${files.length}).`);
    };
    window.addEventListener('dragenter', enter);
    window.addEventListener('dragleave', leave);
    window.addEventListener('dragover', over);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragenter', enter);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('dragover', over);
      window.removeEventListener('drop', drop);
    };
  }, []);

  return (
    <div className={`drop-zone${dragging ? ' dragging' : ''}`}>
      <svg className="drop-icon icon-svg" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
        <path d="M12 16V4M7 9l5-5 5 5M4 15v4a1 1 0 001 1h14a1 1 0 001-1v-4" />
      </svg>
      <p className="drop-title">{dragging ? 'Drop the file to read it' : title}</p>
      <p className="muted">or</p>
      <button type="button" className="btn primary" onClick={() => input.current?.click()} disabled={disabled}>
        Choose a file…
      </button>
      <input
        ref={input}
        type="file"
        accept={accept}
        hidden
        aria-hidden="true"
        tabIndex={-1}
        data-testid="file-input"
        onChange={(e) => {
          const file = e.target.files?.[0];
          // Cleared, so choosing the same file again (after fixing it) reads it again.
          e.target.value = '';
          if (file) onFile(file);
        }}
      />
      <p className="hint">{hint}</p>
    </div>
  );
}

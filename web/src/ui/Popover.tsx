import { useEffect, useLayoutEffect, useRef, useState, type ReactNode, type RefObject } from 'react';
import { createPortal } from 'react-dom';

interface PopoverProps {
  anchor: RefObject<HTMLElement | null>;
  label: string;
  onClose: () => void;
  children: ReactNode;
  width?: number;
}

const VIEWPORT_MARGIN = 8;

/**
 * Shows a non-modal panel under a button, such as a column filter. Focus moves into the panel on
 * open and back to the button on close. Escape and a click outside close it.
 */
export function Popover({ anchor, label, onClose, children, width = 320 }: PopoverProps) {
  const panel = useRef<HTMLDivElement>(null);
  const [position, setPosition] = useState<{ top: number; left: number; maxHeight?: number } | null>(null);

  useLayoutEffect(() => {
    const rect = anchor.current?.getBoundingClientRect();
    if (rect === undefined) return;
    const left = Math.min(Math.max(VIEWPORT_MARGIN, rect.left), window.innerWidth - width - VIEWPORT_MARGIN);
    // The panel opens below its button, or above it when it does not fit below and there is
    // more room above, as for a menu of a tile at the bottom of the window.
    const height = panel.current?.offsetHeight ?? 0;
    const below = window.innerHeight - rect.bottom - 4 - VIEWPORT_MARGIN;
    const above = rect.top - 4 - VIEWPORT_MARGIN;
    // Only a panel that fits on neither side scrolls, so that nothing inside it is cut off otherwise.
    if (height > below && above > below) {
      setPosition({ top: Math.max(VIEWPORT_MARGIN, rect.top - 4 - height), left, ...(height > above ? { maxHeight: above } : {}) });
    } else {
      setPosition({ top: rect.bottom + 4, left, ...(height > below ? { maxHeight: below } : {}) });
    }
  }, [anchor, width]);

  useEffect(() => {
    const focusable = panel.current?.querySelector<HTMLElement>('input, select, button, [tabindex]:not([tabindex="-1"])');
    focusable?.focus();
  }, [position]);

  useEffect(() => {
    const anchorElement = anchor.current;
    function close() {
      onClose();
      anchorElement?.focus();
    }
    function handleKey(event: KeyboardEvent) {
      if (event.key === 'Escape') {
        event.stopPropagation();
        close();
      }
    }
    function handlePointer(event: PointerEvent) {
      const target = event.target as Node;
      if (panel.current?.contains(target) || anchorElement?.contains(target)) return;
      onClose();
    }
    document.addEventListener('keydown', handleKey, true);
    document.addEventListener('pointerdown', handlePointer, true);
    return () => {
      document.removeEventListener('keydown', handleKey, true);
      document.removeEventListener('pointerdown', handlePointer, true);
    };
  }, [anchor, onClose]);

  return createPortal(
    <div
      ref={panel}
      role="dialog"
      aria-label={label}
      className="popover"
      style={{
        top: position?.top ?? -9999,
        left: position?.left ?? -9999,
        width,
        ...(position?.maxHeight === undefined ? {} : { maxHeight: position.maxHeight, overflowY: 'auto' }),
      }}
    >
      {children}
    </div>,
    document.body,
  );
}

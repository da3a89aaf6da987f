import { clsx, type ClassValue } from "clsx";

/**
 * Joins class names (clsx). It does not merge conflicting Tailwind classes: a shared control's
 * defaults that callers change (a button's size, an input's width, height or border) are in
 * `@layer components` (app/globals.css: ui-button, ui-input, ui-table, ui-dialog), below every
 * utility, and elsewhere a class list sets each property once (a condition picks one of two, never
 * adds a second on top of a first). tailwind-merge was 8.6 kB gz on every page.
 */
export const cn = (...inputs: ClassValue[]) => clsx(inputs);

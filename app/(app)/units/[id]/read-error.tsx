/** A card whose read failed: what the browser call would have been told, in place of its rows. */
export function ReadError({ message }: { message: string }) {
  return <p className="px-4 py-3 text-sm text-red-700">{message}</p>;
}

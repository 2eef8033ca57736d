import { HttpResponse } from 'msw';

/** A 400 with the JSON body the API promises: `{ "message": "..." }`. */
export function badRequest(message: string) {
  return HttpResponse.json({ message }, { status: 400 });
}

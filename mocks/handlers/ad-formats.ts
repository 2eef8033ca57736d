import { http, HttpResponse } from 'msw';
import { AD_FORMATS } from '../data/ad-formats';
import { serverConditions } from '../latency';

export const adFormatHandlers = [
  http.get('*/api/ad-formats', async ({ request }) => {
    const fault = await serverConditions(request);
    if (fault) return fault;
    return HttpResponse.json({ items: AD_FORMATS });
  }),
];

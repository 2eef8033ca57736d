import { http, HttpResponse } from 'msw';
import { AD_FORMATS } from '../data/ad-formats';
import { latency } from '../latency';

export const adFormatHandlers = [
  http.get('*/api/ad-formats', async () => {
    await latency();
    return HttpResponse.json({ items: AD_FORMATS });
  }),
];

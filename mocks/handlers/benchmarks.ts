import { http, HttpResponse } from 'msw';
import { BENCHMARKS } from '../data/benchmarks';
import { serverConditions } from '../latency';

export const benchmarkHandlers = [
  http.get('*/api/benchmarks', async ({ request }) => {
    const fault = await serverConditions(request);
    if (fault) return fault;
    return HttpResponse.json(BENCHMARKS);
  }),
];

import { http, HttpResponse } from 'msw';
import { BENCHMARKS } from '../data/benchmarks';
import { latency } from '../latency';

export const benchmarkHandlers = [
  http.get('*/api/benchmarks', async () => {
    await latency();
    return HttpResponse.json(BENCHMARKS);
  }),
];

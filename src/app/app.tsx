import { useEffect, useMemo } from 'react';
import { LazyPart } from '../components/ui/chunk-boundary';
import { LoadingState } from '../components/ui/states';
import { keptByReplace, planChars, STATUS_LABEL } from '../domain/workspace';
import { PLAN_STATUSES, type Plan, type PlanStatus } from '../domain/plan';
import { AdFormatsSection } from '../features/ad-formats/ad-formats-section';
import { CostsSection } from '../features/costs/costs-section';
import { CreatorsSection } from '../features/creators/creators-section';
import { ExportButton } from '../features/export/export-button';
import { GoalsBudgetSection } from '../features/goals-budget/goals-budget-section';
import { UndoRedo } from '../features/history/undo-redo';
import { PlanSafetyBanners } from '../features/plan-safety/plan-safety-banners';
import { PrintButton } from '../features/print/print-button';
import { LazyPrintSummary } from '../features/print/print-lazy';
import { ProjectionsSection } from '../features/projections/projections-section';
import { sharedLinkError, sharedPlanBanner, shareButton } from '../features/share/share-lazy';
import { useSharedLink } from '../features/share/use-shared-link';
import { TimelineSection } from '../features/timeline/timeline-section';
import { useHydrated } from '../hooks/use-hydrated';
import { retryableLazy } from '../lib/retryable-lazy';
import { noRoomForNow, useNoRoomFor, usePlan, usePlanActions, usePlans, useSharedPlan } from '../store/plan-store';
import { navigate, routeOf, useHash, type Route } from './route';

const workspaceView = retryableLazy(() => import('../features/workspace/workspace-view'), (m) => m.default);
const scenarioCompare = retryableLazy(() => import('../features/scenarios/scenario-compare'), (m) => m.default);
const importCsv = retryableLazy(() => import('../features/csv-import/import-csv'), (m) => m.default);

const openPlanner = () => navigate({ view: 'planner' });

/**
 * The page. Before hydration (the build-time pre-render, and the browser's first pass over it)
 * only what never depends on the saved plans is drawn, so the shell paints at once and is kept.
 */
export function App() {
  const hydrated = useHydrated();
  const hash = useHash();
  const route = useMemo(() => routeOf(hash), [hash]);
  const shared = useSharedPlan();
  const actions = usePlanActions();
  const view = hydrated ? route.view : 'planner';
  return (
    <>
      <a className="skip-link" href={view === 'planner' ? '#projections' : '#main'}>
        {view === 'planner' ? 'Skip to projections' : 'Skip to content'}
      </a>
      <TopBar hydrated={hydrated} view={view} />
      {hydrated && <PlanSafetyBanners />}
      {hydrated && <SharedLink />}
      {view === 'plans' && (
        <main id="main" className="page">
          <h1 className="visually-hidden">Reachplan: your plans</h1>
          <LazyPart
            what="Your plans"
            load={workspaceView}
            fallback={<LoadingState label="Loading your plans…" />}
            props={{
              onOpen: (id: string) => {
                actions.openPlan(id);
                openPlanner();
              },
              onCompare: (ids: string[]) => navigate({ view: 'compare', ids }),
            }}
          />
        </main>
      )}
      {view === 'compare' && route.view === 'compare' && <CompareView ids={route.ids} />}
      {view === 'planner' && (
        <main className={hydrated ? 'layout' : 'layout layout--shell'}>
          <h1 className="visually-hidden">Reachplan: TikTok campaign planner</h1>
          <div className="layout__editor">
            {hydrated && (
              // A shared plan is read-only: a disabled fieldset disables every control inside it.
              <fieldset className="layout__fieldset" disabled={shared !== null}>
                <legend className="visually-hidden">{shared ? 'Shared plan (read-only)' : 'Plan'}</legend>
                <GoalsBudgetSection />
                <AdFormatsSection />
                <CreatorsSection />
                <CostsSection />
                <TimelineSection />
              </fieldset>
            )}
          </div>
          <div className="layout__results">
            {hydrated && <PrintSummaryOfPlan />}
            <ProjectionsSection />
          </div>
        </main>
      )}
    </>
  );
}

function PrintSummaryOfPlan() {
  const plan = usePlan();
  return <LazyPrintSummary plan={plan} />;
}

/** The bar over every view: the product, the open plan and what can be done with it. */
function TopBar({ hydrated, view }: { hydrated: boolean; view: Route['view'] }) {
  const plan = usePlan();
  const shared = useSharedPlan();
  const plans = usePlans();
  const actions = usePlanActions();
  const name = plan.name.trim() || 'Untitled plan';
  return (
    <header className="topbar">
      <div className="topbar__brand">
        <span className="logo" aria-hidden="true">
          ◆
        </span>
        <span className="topbar__name">Reachplan</span>
        {/*
          Until the saved plans are read (and in the pre-rendered page) the nav and the plan's tools
          are stand-ins of the same size, laid out but not shown: the bar keeps its height, so the
          page below doesn't move when they arrive. They hold nothing of the saved plan.
        */}
        {!hydrated && (
          <span className="topbar__nav topbar__pending" aria-hidden="true">
            <span className="topbar__link">Plans</span>
            <span className="topbar__link topbar__plan">Untitled plan</span>
          </span>
        )}
        {hydrated && (
          <nav className="topbar__nav" aria-label="Views">
            <a className="topbar__link" href="#plans" aria-current={view === 'plans' ? 'page' : undefined}>
              Plans
            </a>
            <a
              className="topbar__link topbar__plan"
              href="#"
              onClick={(e) => {
                e.preventDefault();
                openPlanner();
              }}
              aria-current={view === 'planner' ? 'page' : undefined}
              title={`Open the planner: ${name}`}
            >
              {name}
            </a>
          </nav>
        )}
      </div>
      {!hydrated && (
        <div className="topbar__plan-tools topbar__pending" aria-hidden="true">
          <span className="status status--draft">Draft</span>
          <span className="undo-redo">
            <span className="button button--small">↶ Undo</span>
            <span className="button button--small">↷ Redo</span>
          </span>
        </div>
      )}
      {hydrated && view === 'planner' && !shared && (
        <div className="topbar__plan-tools">
          <label className="visually-hidden" htmlFor="plan-status">
            Plan status
          </label>
          <select id="plan-status" className={`status status--${plan.status}`} value={plan.status} onChange={(e) => actions.setStatus(e.target.value as PlanStatus)}>
            {PLAN_STATUSES.map((s) => (
              <option key={s} value={s}>
                {STATUS_LABEL[s]}
              </option>
            ))}
          </select>
          <UndoRedo />
        </div>
      )}
      <div className="topbar__actions">
        {/* Drawn from the start (disabled until the data arrives), so the bar keeps its height. */}
        {view === 'planner' && <ExportButton />}
        {!hydrated && (
          <>
            <button type="button" className="button" disabled>
              Import CSV
            </button>
            <button type="button" className="button" disabled>
              Copy share link
            </button>
            <PrintButton />
          </>
        )}
        {hydrated && view === 'planner' && (
          <>
            {!shared && (
              <LazyPart
                what="Import CSV"
                load={importCsv}
                fallback={
                  <button type="button" className="button" disabled>
                    Import CSV
                  </button>
                }
                props={{
                  openPlanName: name,
                  planNames: plans.map((p) => p.name),
                  roomFor: (imported: Plan) => noRoomForNow(planChars(imported)),
                  openPlanKeeps: keptByReplace(plan),
                  onImport: (imported: Plan, mode: 'replace' | 'new') => {
                    if (mode === 'replace') {
                      actions.replacePlan(imported);
                      return true;
                    }
                    return actions.addPlans([imported], true).length > 0;
                  },
                }}
              />
            )}
            <LazyPart
              what="Sharing"
              load={shareButton}
              fallback={
                <button type="button" className="button" disabled>
                  Copy share link
                </button>
              }
              props={{ plan }}
            />
            <PrintButton />
          </>
        )}
      </div>
    </header>
  );
}

/**
 * A plan from a share link (`#share=…`): shown read-only with "Save a copy" (into this browser's
 * plans, under a new id) and "Close"; a link that can't be read says why.
 */
function SharedLink() {
  const { link, close } = useSharedLink();
  const actions = usePlanActions();
  const openPlan = link.status === 'open' ? link.plan : null;
  const saveBlocked = useNoRoomFor(openPlan ? planChars(openPlan) : undefined);
  useEffect(() => {
    if (openPlan) actions.viewShared(openPlan);
  }, [openPlan, actions]);
  if (link.status === 'open') {
    return (
      <LazyPart
        what="The shared plan"
        load={sharedPlanBanner}
        fallback={null}
        props={{
          plan: link.plan,
          saveBlocked,
          onSave: () => {
            // Kept on screen, link and all, when it can't be saved (the banner says why).
            if (actions.saveShared()) close();
          },
          onClose: () => {
            actions.closeShared();
            close();
          },
        }}
      />
    );
  }
  if (link.status === 'failed') {
    return (
      <LazyPart
        what="The shared plan"
        load={sharedLinkError}
        fallback={null}
        props={{
          reason: link.reason,
          onOpenMyPlans: () => {
            close();
            navigate({ view: 'plans' });
          },
        }}
      />
    );
  }
  return null;
}

/** Two to four plans side by side; plans that no longer exist are left out and said so. */
function CompareView({ ids }: { ids: string[] }) {
  const plans = usePlans();
  const actions = usePlanActions();
  const picked = useMemo(() => ids.map((id) => plans.find((p) => p.id === id)).filter((p): p is Plan => p !== undefined), [ids, plans]);
  const missing = ids.length - picked.length;
  return (
    <main id="main" className="page">
      <h1 className="visually-hidden">Reachplan: compare scenarios</h1>
      {missing > 0 && (
        <p className="banner banner--warn" role="status">
          {missing === 1 ? 'One plan in this comparison no longer exists.' : `${missing} plans in this comparison no longer exist.`}{' '}
          <a href="#plans">Choose plans to compare</a>
        </p>
      )}
      <LazyPart
        what="The scenario comparison"
        load={scenarioCompare}
        fallback={<LoadingState label="Loading the comparison…" />}
        props={{
          plans: picked,
          onClose: () => navigate({ view: 'plans' }),
          onOpen: (id: string) => {
            actions.openPlan(id);
            openPlanner();
          },
        }}
      />
    </main>
  );
}

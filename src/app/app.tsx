import { AdFormatsSection } from '../features/ad-formats/ad-formats-section';
import { CreatorsSection } from '../features/creators/creators-section';
import { ExportButton } from '../features/export/export-button';
import { GoalsBudgetSection } from '../features/goals-budget/goals-budget-section';
import { PlanSafetyBanners } from '../features/plan-safety/plan-safety-banners';
import { ProjectionsSection } from '../features/projections/projections-section';
import { useHydrated } from '../hooks/use-hydrated';
import { usePlanName } from '../store/plan-store';

/**
 * The page. Before hydration (the build-time pre-render, and the browser's first pass over it)
 * only what never depends on the saved plan is drawn, so the shell paints at once and is kept.
 */
export function App() {
  // Only the name: the page itself needn't re-render on every edit of the plan.
  const name = usePlanName();
  const hydrated = useHydrated();
  return (
    <>
      <a className="skip-link" href="#projections">
        Skip to projections
      </a>
      <header className="topbar">
        <div className="topbar__brand">
          <span className="logo" aria-hidden="true">
            ◆
          </span>
          <span className="topbar__name">Reachplan</span>
          {hydrated && (
            <span className="topbar__plan" title={name}>
              {name.trim() || 'Untitled plan'}
            </span>
          )}
        </div>
        {/* Always drawn (disabled until the data arrives), so the bar keeps its height on start. */}
        <ExportButton />
      </header>
      {hydrated && <PlanSafetyBanners />}
      <main className={hydrated ? 'layout' : 'layout layout--shell'}>
        <h1 className="visually-hidden">Reachplan: TikTok campaign planner</h1>
        <div className="layout__editor">
          {hydrated && (
            <>
              <GoalsBudgetSection />
              <AdFormatsSection />
              <CreatorsSection />
            </>
          )}
        </div>
        <div className="layout__results">
          <ProjectionsSection />
        </div>
      </main>
    </>
  );
}

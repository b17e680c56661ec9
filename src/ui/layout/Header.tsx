import { RunControls } from '../run/index.ts';
import { DraftsMenu } from '../share/DraftsMenu.tsx';
import { ShareButton } from '../share/ShareButton.tsx';
import { ExamplesMenu } from '../tutorial/ExamplesMenu.tsx';
import { LanguageSwitch } from '../tutorial/LanguageSwitch.tsx';
import { TutorialButton } from '../tutorial/TutorialButton.tsx';
import { ThemeButton } from '../theme/index.ts';
import { HelpMenu } from './HelpMenu.tsx';

/** Product name, the examples menu, tutorial, drafts and share, and the run controls. */
export function Header() {
  return (
    <header className="app-header">
      <div className="brand">
        <img src={`${import.meta.env.BASE_URL}favicon.svg`} alt="" width={26} height={26} />
        <h1>Flowplay</h1>
        <span className="tagline">event-driven workflows, step by step</span>
      </div>
      <LanguageSwitch />
      <ExamplesMenu />
      <div className="header-tools">
        <TutorialButton />
        <DraftsMenu />
        <ShareButton />
        <ThemeButton />
        <HelpMenu />
      </div>
      <RunControls />
    </header>
  );
}

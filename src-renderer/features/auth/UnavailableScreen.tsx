/** Shown when the core cannot answer at all (for example, no OS keychain). Says what happened and offers a retry. */
import { Header } from '../../app/Header';
import { Page } from '../../app/Page';
import { PageHeading } from '../../ui/PageHeading';

export function UnavailableScreen({ message, onRetry }: { message: string; onRetry(): void }) {
  return (
    <Page header={<Header session={null} />}>
      <PageHeading title="Herald cannot start">Herald cannot start</PageHeading>
      <p className="govuk-body">{message}</p>
      <button type="button" className="govuk-button" onClick={onRetry}>
        Try again
      </button>
    </Page>
  );
}

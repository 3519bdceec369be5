// The last line of defence for a page: an answer no screen expected (a field missing, a proxy's
// page) ends in an error state with a way out, never a blank window. Reset when the route changes.
import { Component, type ReactNode } from "react";
import { ErrorState } from "./Misc";

interface Props {
  children: ReactNode;
}

export class PageErrorBoundary extends Component<Props, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  override render() {
    if (!this.state.failed) return this.props.children;
    return (
      <ErrorState
        title="This page couldn't be shown"
        message="The server sent something this page couldn't read. Try again, or go back to the feed."
        onRetry={() => this.setState({ failed: false })}
      />
    );
  }
}

import { Alert } from "antd";
import { Component, type ReactNode } from "react";

/** Keeps one failing part (e.g. a chart) from blanking the whole screen. */
export class ErrorBoundary extends Component<
  { children: ReactNode; message: string },
  { error: Error | null }
> {
  override state: { error: Error | null } = { error: null };
  static getDerivedStateFromError(error: Error) {
    return { error };
  }
  override render() {
    if (this.state.error)
      return <Alert type="error" title={this.props.message} description={this.state.error.message} />;
    return this.props.children;
  }
}

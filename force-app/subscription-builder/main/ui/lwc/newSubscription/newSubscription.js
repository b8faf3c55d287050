import { LightningElement, api } from "lwc";
import { NavigationMixin } from "lightning/navigation";
import { CloseActionScreenEvent } from "lightning/actions";
import { notifyRecordUpdateAvailable } from "lightning/uiRecordApi";
import buildForRecord from "@salesforce/apex/SubscriptionBuildController.buildForRecord";

const SUBSCRIPTION_OBJECT = "Subscription__c";

/**
 * Reads the message out of whatever an imperative Apex call rejects with: an AuraHandledException or
 * other server error (body.message), a list of errors (body is an array), or a client-side Error.
 */
function messageOf(error) {
  const body = error?.body;
  if (Array.isArray(body)) {
    return body.map((entry) => entry.message).join(", ");
  }
  if (typeof body?.message === "string") {
    return body.message;
  }
  if (typeof error?.message === "string") {
    return error.message;
  }
  return "Unknown error.";
}

/**
 * Screen quick action "New Subscription": builds the subscription for the record it is opened on (or returns the
 * one already built for it), then shows a link to it or the error. The engine decides everything; this component
 * only calls SubscriptionBuildController.buildForRecord once and reports its result.
 */
export default class NewSubscription extends NavigationMixin(LightningElement) {
  isLoading = true;
  errorMessage;
  subscriptionId;
  subscriptionName;
  subscriptionUrl;
  alreadyExisted = false;
  wasUpdated = false;

  _recordId;

  /**
   * Quick actions set recordId only after connectedCallback, so the build starts when the Id first arrives.
   */
  @api
  get recordId() {
    return this._recordId;
  }
  set recordId(value) {
    const isFirstId = !this._recordId && Boolean(value);
    this._recordId = value;
    if (isFirstId) {
      this.build();
    }
  }

  get hasError() {
    return Boolean(this.errorMessage);
  }

  get outcomeMessage() {
    if (this.alreadyExisted) {
      return "This record already has a subscription. Nothing new was built:";
    }
    return this.wasUpdated
      ? "The subscription was updated:"
      : "The subscription was built:";
  }

  get subscriptionLabel() {
    return this.subscriptionName || this.subscriptionId;
  }

  async build() {
    try {
      const result = await buildForRecord({ recordId: this._recordId });
      if (result?.success && result.subscriptionId) {
        await this.showSubscription(result);
      } else {
        this.errorMessage =
          result?.error || "The build did not return a subscription.";
      }
    } catch (error) {
      this.errorMessage = messageOf(error);
    } finally {
      this.isLoading = false;
    }
  }

  async showSubscription(result) {
    this.subscriptionId = result.subscriptionId;
    this.subscriptionName = result.subscriptionName;
    this.alreadyExisted = Boolean(result.alreadyExisted);
    // The engine reports UPDATED when the source's use case updated an existing subscription.
    this.wasUpdated = result.action === "UPDATED";
    this.subscriptionUrl = await this[NavigationMixin.GenerateUrl](
      this.subscriptionPageReference
    );
    if (!this.alreadyExisted) {
      // The build linked the source record to its subscription; refreshing the record page is best effort
      // and must not turn a successful build into an error, so it is not awaited.
      notifyRecordUpdateAvailable([{ recordId: this._recordId }]);
    }
  }

  get subscriptionPageReference() {
    return {
      type: "standard__recordPage",
      attributes: {
        recordId: this.subscriptionId,
        objectApiName: SUBSCRIPTION_OBJECT,
        actionName: "view"
      }
    };
  }

  handleOpenSubscription(event) {
    // Navigate inside the app instead of following the href, and close the modal on the way.
    event.preventDefault();
    this[NavigationMixin.Navigate](this.subscriptionPageReference);
    this.close();
  }

  handleClose() {
    this.close();
  }

  close() {
    this.dispatchEvent(new CloseActionScreenEvent());
  }
}

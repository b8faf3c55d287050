import { createElement } from "lwc";
import NewSubscription from "c/newSubscription";
import buildForRecord from "@salesforce/apex/SubscriptionBuildController.buildForRecord";
import { notifyRecordUpdateAvailable } from "lightning/uiRecordApi";

jest.mock(
  "@salesforce/apex/SubscriptionBuildController.buildForRecord",
  () => ({ default: jest.fn() }),
  {
    virtual: true
  }
);

// sfdx-lwc-jest ships no stub for lightning/actions; this stands in for the platform's event class. Its event name
// is unique to this mock, so a listener for it only fires for a CloseActionScreenEvent.
jest.mock(
  "lightning/actions",
  () => ({
    CloseActionScreenEvent: class extends CustomEvent {
      constructor() {
        super("closeactionscreen");
      }
    }
  }),
  { virtual: true }
);

// Records what the component asks the navigation service for (the default stub forgets it).
const mockNavigate = jest.fn();
const mockGenerateUrl = jest.fn();
jest.mock("lightning/navigation", () => {
  const Navigate = Symbol("Navigate");
  const GenerateUrl = Symbol("GenerateUrl");
  const NavigationMixin = (Base) =>
    class extends Base {
      [Navigate](pageReference) {
        mockNavigate(pageReference);
      }
      [GenerateUrl](pageReference) {
        return mockGenerateUrl(pageReference);
      }
    };
  NavigationMixin.Navigate = Navigate;
  NavigationMixin.GenerateUrl = GenerateUrl;
  return { NavigationMixin };
});

const ORDER_ID = "8015g00000AbCdEAAV";
const SUBSCRIPTION_ID = "a015g00000XyZwQAAV";
const SUBSCRIPTION_URL = "/lightning/r/Subscription__c/a015g00000XyZwQAAV/view";
const SUBSCRIPTION_PAGE = {
  type: "standard__recordPage",
  attributes: {
    recordId: SUBSCRIPTION_ID,
    objectApiName: "Subscription__c",
    actionName: "view"
  }
};

// Lets the awaited Apex call, URL generation and re-render settle.
function flushPromises() {
  // eslint-disable-next-line @lwc/lwc/no-async-operation
  return new Promise((resolve) => setTimeout(resolve, 0));
}

function openAction() {
  const element = createElement("c-new-subscription", { is: NewSubscription });
  document.body.appendChild(element);
  // As on a record page: the quick action receives the record Id after it is connected.
  element.recordId = ORDER_ID;
  return element;
}

function query(element, dataId) {
  return element.shadowRoot.querySelector(`[data-id="${dataId}"]`);
}

describe("c-new-subscription", () => {
  beforeEach(() => {
    mockGenerateUrl.mockResolvedValue(SUBSCRIPTION_URL);
  });

  afterEach(() => {
    while (document.body.firstChild) {
      document.body.removeChild(document.body.firstChild);
    }
    jest.clearAllMocks();
  });

  it("shows a spinner while the subscription is being built", async () => {
    buildForRecord.mockReturnValue(new Promise(() => {}));

    const element = openAction();
    await Promise.resolve();

    expect(buildForRecord).toHaveBeenCalledWith({ recordId: ORDER_ID });
    const spinner = element.shadowRoot.querySelector("lightning-spinner");
    expect(spinner).not.toBeNull();
    expect(spinner.alternativeText).toBe("Building the subscription");
    expect(query(element, "outcome")).toBeNull();
    expect(query(element, "error")).toBeNull();
  });

  it("links to the new subscription and refreshes the source record after a successful build", async () => {
    buildForRecord.mockResolvedValue({
      success: true,
      subscriptionId: SUBSCRIPTION_ID,
      subscriptionName: "Acme Corp - 00000100",
      alreadyExisted: false,
      sourceId: ORDER_ID,
      error: null
    });

    const element = openAction();
    await flushPromises();

    expect(element.shadowRoot.querySelector("lightning-spinner")).toBeNull();
    expect(query(element, "outcome").textContent).toContain(
      "The subscription was built:"
    );
    const link = query(element, "subscription-link");
    expect(link.textContent).toBe("Acme Corp - 00000100");
    expect(link.getAttribute("href")).toBe(SUBSCRIPTION_URL);
    expect(mockGenerateUrl).toHaveBeenCalledWith(SUBSCRIPTION_PAGE);
    expect(notifyRecordUpdateAvailable).toHaveBeenCalledWith([
      { recordId: ORDER_ID }
    ]);
    expect(query(element, "error")).toBeNull();
  });

  it("says the subscription already existed and links to it without rebuilding", async () => {
    buildForRecord.mockResolvedValue({
      success: true,
      subscriptionId: SUBSCRIPTION_ID,
      subscriptionName: "Acme Corp - 00000100",
      alreadyExisted: true,
      sourceId: ORDER_ID,
      error: null
    });

    const element = openAction();
    await flushPromises();

    expect(query(element, "outcome").textContent).toContain(
      "This record already has a subscription."
    );
    expect(query(element, "subscription-link").getAttribute("href")).toBe(
      SUBSCRIPTION_URL
    );
    expect(notifyRecordUpdateAvailable).not.toHaveBeenCalled();
    expect(buildForRecord).toHaveBeenCalledTimes(1);
  });

  it("says the subscription was updated when the build updated it", async () => {
    buildForRecord.mockResolvedValue({
      success: true,
      subscriptionId: SUBSCRIPTION_ID,
      subscriptionName: "Acme Corp - 00000100",
      alreadyExisted: false,
      action: "UPDATED",
      sourceId: ORDER_ID,
      error: null
    });

    const element = openAction();
    await flushPromises();

    expect(query(element, "outcome").textContent).toContain(
      "The subscription was updated:"
    );
    expect(query(element, "subscription-link").getAttribute("href")).toBe(
      SUBSCRIPTION_URL
    );
  });

  it("shows the message of an error thrown by Apex", async () => {
    buildForRecord.mockRejectedValue({
      body: {
        message:
          "You do not have access to the Apex class named SubscriptionBuildController."
      },
      status: 500
    });

    const element = openAction();
    await flushPromises();

    expect(element.shadowRoot.querySelector("lightning-spinner")).toBeNull();
    expect(query(element, "error-message").textContent).toBe(
      "You do not have access to the Apex class named SubscriptionBuildController."
    );
    expect(query(element, "subscription-link")).toBeNull();
  });

  it("shows the build error of a result that reports failure", async () => {
    buildForRecord.mockResolvedValue({
      success: false,
      subscriptionId: null,
      subscriptionName: null,
      alreadyExisted: false,
      sourceId: ORDER_ID,
      error: "ON_Account__c is blank: the order has no account to bill."
    });

    const element = openAction();
    await flushPromises();

    expect(query(element, "error-message").textContent).toBe(
      "ON_Account__c is blank: the order has no account to bill."
    );
    expect(query(element, "outcome")).toBeNull();
    expect(notifyRecordUpdateAvailable).not.toHaveBeenCalled();
  });

  it("closes the action when Close is clicked", async () => {
    buildForRecord.mockResolvedValue({
      success: false,
      error: "Unknown object."
    });
    const element = openAction();
    await flushPromises();
    const closeHandler = jest.fn();
    element.addEventListener("closeactionscreen", closeHandler);

    query(element, "close").click();

    expect(closeHandler).toHaveBeenCalledTimes(1);
  });

  it("opens the subscription in the app and closes the action when the link is clicked", async () => {
    buildForRecord.mockResolvedValue({
      success: true,
      subscriptionId: SUBSCRIPTION_ID,
      subscriptionName: "Acme Corp - 00000100",
      alreadyExisted: false
    });
    const element = openAction();
    await flushPromises();
    const closeHandler = jest.fn();
    element.addEventListener("closeactionscreen", closeHandler);

    query(element, "subscription-link").click();

    expect(mockNavigate).toHaveBeenCalledWith(SUBSCRIPTION_PAGE);
    expect(closeHandler).toHaveBeenCalledTimes(1);
  });

  it("builds only once when the record Id is set again", async () => {
    buildForRecord.mockResolvedValue({
      success: false,
      error: "Unknown object."
    });
    const element = openAction();
    await flushPromises();

    element.recordId = ORDER_ID;
    await flushPromises();

    expect(buildForRecord).toHaveBeenCalledTimes(1);
  });
});

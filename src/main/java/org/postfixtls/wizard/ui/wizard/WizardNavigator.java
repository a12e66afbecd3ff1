package org.postfixtls.wizard.ui.wizard;

import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Walks the ordered step list. Next asks the current step's validator first and moves only when it
 * passes; while the check runs the navigator is busy (Back and Next disabled, Cancel possible).
 * Hand-rolled because ControlsFX's Wizard cannot wait for an asynchronous veto (docs/decisions/0003).
 *
 * <p>All methods are called on the UI thread; validator results are brought back to it through
 * {@code uiThread}, which is {@code Platform::runLater} in the application and a direct executor in tests.
 */
public final class WizardNavigator {

    private final List<WizardStep> declaredSteps;
    private final WizardModel model;
    private final Executor uiThread;

    private final ObservableList<WizardStep> activeSteps = FXCollections.observableArrayList();
    private final ObjectProperty<WizardStep> current = new SimpleObjectProperty<>(this, "current");
    private final BooleanProperty busy = new SimpleBooleanProperty(this, "busy");
    private final StringProperty vetoMessage = new SimpleStringProperty(this, "vetoMessage", "");
    /** The node id of the control the last veto is about, or null; cleared with the message. */
    private final StringProperty vetoedField = new SimpleStringProperty(this, "vetoedField", null);
    private final BooleanBinding canGoBack;
    private final BooleanBinding canGoNext;

    private CompletableFuture<Validation> pendingCheck;
    private final java.util.Set<WizardStep> visited = new java.util.HashSet<>();
    /** Where a click on a visited later step wants to go; each step on the way is checked as Next would. */
    private WizardStep jumpTarget;

    public WizardNavigator(List<WizardStep> steps, WizardModel model, Executor uiThread) {
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("A wizard needs at least one step");
        }
        this.declaredSteps = List.copyOf(steps);
        this.model = model;
        this.uiThread = uiThread;
        for (var dependency : model.stepStructureDependencies()) {
            dependency.addListener(observable -> replanSteps());
        }
        for (var input : model.userInputs()) {
            input.addListener(observable -> clearStaleVeto());
        }
        replanSteps();
        current.addListener((observable, old, step) -> visited.add(step));
        current.set(activeSteps.get(0));
        canGoBack = Bindings.createBooleanBinding(() -> !busy.get() && indexOfCurrent() > 0, busy, current, activeSteps);
        canGoNext = Bindings.createBooleanBinding(
                () -> !busy.get() && indexOfCurrent() < activeSteps.size() - 1, busy, current, activeSteps);
    }

    /** Checks the current step and, if it passes, moves to the next included step. */
    public void next() {
        if (!canGoNext.get()) {
            return;
        }
        WizardStep leaving = current.get();
        vetoMessage.set("");
        vetoedField.set(null);
        busy.set(true);
        CompletableFuture<Validation> check;
        try {
            check = leaving.validator().validate(model).toCompletableFuture();
        } catch (RuntimeException e) {
            check = CompletableFuture.failedFuture(e);
        }
        pendingCheck = check;
        CompletableFuture<Validation> thisCheck = check;
        check.whenComplete((validation, failure) -> uiThread.execute(() -> finishCheck(thisCheck, leaving, validation, failure)));
    }

    public void back() {
        if (!canGoBack.get()) {
            return;
        }
        vetoMessage.set("");
        vetoedField.set(null);
        current.set(activeSteps.get(indexOfCurrent() - 1));
    }

    /**
     * A click in the step list: an earlier step is shown at once; a later step the user has already visited is
     * reached by checking every step on the way, exactly as pressing Next would, and the first veto stops there.
     * Steps never visited cannot be jumped to.
     */
    public void jumpTo(WizardStep step) {
        int target = activeSteps.indexOf(step);
        if (busy.get() || target < 0 || target == indexOfCurrent()) {
            return;
        }
        if (target < indexOfCurrent()) {
            jumpBackTo(step);
        } else if (visited.contains(step)) {
            jumpTarget = step;
            next();
        }
    }

    /** Whether the step list may offer this step: visited before, or the current one. */
    public boolean isReachable(WizardStep step) {
        return visited.contains(step) || step == current.get();
    }

    /** Jumps back to an earlier step (clicking it in the step list); forward jumps would skip validations. */
    public void jumpBackTo(WizardStep step) {
        int target = activeSteps.indexOf(step);
        if (busy.get() || target < 0 || target >= indexOfCurrent()) {
            return;
        }
        vetoMessage.set("");
        vetoedField.set(null);
        current.set(step);
    }

    /** A check in flight may fill the model itself (discovery); only edits made outside a check are the user's. */
    private void clearStaleVeto() {
        if (!busy.get()) {
            vetoMessage.set("");
            vetoedField.set(null);
        }
    }

    /** Abandons a running check; the wizard stays on the step. */
    public void cancelCheck() {
        CompletableFuture<Validation> check = pendingCheck;
        if (check != null) {
            check.cancel(true);
        }
    }

    private void finishCheck(CompletableFuture<Validation> check, WizardStep leaving, Validation validation, Throwable failure) {
        if (check != pendingCheck) {
            return;
        }
        pendingCheck = null;
        busy.set(false);
        if (current.get() != leaving) {
            jumpTarget = null;
            return;
        }
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof CancellationException) {
            vetoMessage.set("Check cancelled. Nothing was changed; press Next to try again.");
        } else if (cause != null) {
            vetoMessage.set("The check for \u201c" + leaving.title() + "\u201d could not finish: " + describe(cause));
        } else if (validation.passed()) {
            int index = activeSteps.indexOf(leaving);
            if (index >= 0 && index < activeSteps.size() - 1) {
                current.set(activeSteps.get(index + 1));
            }
            if (jumpTarget != null && current.get() != jumpTarget && activeSteps.indexOf(jumpTarget) > indexOfCurrent()) {
                next();
                return;
            }
            jumpTarget = null;
            return;
        } else {
            vetoMessage.set(validation.message());
            vetoedField.set(validation.fieldId());
        }
        jumpTarget = null;
    }

    private static String describe(Throwable cause) {
        return cause.getMessage() == null || cause.getMessage().isBlank() ? cause.getClass().getSimpleName() : cause.getMessage();
    }

    private void replanSteps() {
        List<WizardStep> included = declaredSteps.stream().filter(step -> step.includedWhen().test(model)).toList();
        if (included.isEmpty()) {
            throw new IllegalStateException("The model excludes every step; the first step must always be included");
        }
        WizardStep before = current.get();
        List<WizardStep> previouslyActive = List.copyOf(activeSteps);
        activeSteps.setAll(included);
        if (before != null && !included.contains(before)) {
            current.set(lastStillIncludedBefore(before, previouslyActive));
        }
    }

    /** Falls back to a step the user has already passed, never to one whose predecessors were not checked. */
    private WizardStep lastStillIncludedBefore(WizardStep removed, List<WizardStep> previouslyActive) {
        WizardStep fallback = activeSteps.get(0);
        for (WizardStep step : previouslyActive.subList(0, previouslyActive.indexOf(removed))) {
            if (activeSteps.contains(step)) {
                fallback = step;
            }
        }
        return fallback;
    }

    private int indexOfCurrent() {
        return activeSteps.indexOf(current.get());
    }

    public ObservableList<WizardStep> activeSteps() {
        return FXCollections.unmodifiableObservableList(activeSteps);
    }

    public ReadOnlyObjectProperty<WizardStep> currentProperty() {
        return current;
    }

    public WizardStep getCurrent() {
        return current.get();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }

    public ReadOnlyStringProperty vetoedFieldProperty() {
        return vetoedField;
    }

    public ReadOnlyStringProperty vetoMessageProperty() {
        return vetoMessage;
    }

    public BooleanBinding canGoBackBinding() {
        return canGoBack;
    }

    public BooleanBinding canGoNextBinding() {
        return canGoNext;
    }

    public boolean isLastStep() {
        return indexOfCurrent() == activeSteps.size() - 1;
    }
}

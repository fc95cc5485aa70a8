package dev.livechat.application.port.in;

/** The reduced widget configuration: departments, availability, and the visitor's own state (contract 4.18). */
public interface GetWidgetConfigUseCase {

    WidgetConfig widgetConfig(WidgetConfigQuery query);
}

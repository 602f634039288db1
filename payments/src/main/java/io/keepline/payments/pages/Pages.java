package io.keepline.payments.pages;

import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.ModelAndView;

/**
 * The one-message page holders see for refused, expired, paid or unavailable links.
 */
final class Pages {

	private Pages() {
	}

	static ModelAndView message(HttpStatus status, String key, Map<String, Object> args, String actionUrl,
			String actionKey) {
		ModelAndView page = new ModelAndView("message", status);
		page.addObject("messageKey", key);
		page.addAllObjects(args);
		page.addObject("actionUrl", actionUrl);
		page.addObject("actionKey", actionKey);
		return page;
	}

	static ModelAndView message(HttpStatus status, String key) {
		return message(status, key, Map.of(), null, null);
	}

}

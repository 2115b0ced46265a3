using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Marketplace.Web.Hosting;

/// <summary>
/// Binds true/false fields and keeps a refused value out of the re-rendered form: MVC's checkbox helper parses the posted
/// text again when it redraws the form and throws on anything but true/false, which turned a tampered checkbox into a 500.
/// </summary>
internal sealed class BooleanFieldBinder : IModelBinder
{
    public Task BindModelAsync(ModelBindingContext bindingContext)
    {
        ArgumentNullException.ThrowIfNull(bindingContext);
        var value = bindingContext.ValueProvider.GetValue(bindingContext.ModelName);
        if (value == ValueProviderResult.None)
        {
            return Task.CompletedTask;
        }

        var text = value.FirstValue;
        if (bool.TryParse(text, out var parsed))
        {
            bindingContext.ModelState.SetModelValue(bindingContext.ModelName, value);
            bindingContext.Result = ModelBindingResult.Success(parsed);
        }
        else if (string.IsNullOrEmpty(text) && bindingContext.ModelMetadata.IsReferenceOrNullableType)
        {
            bindingContext.ModelState.SetModelValue(bindingContext.ModelName, value);
            bindingContext.Result = ModelBindingResult.Success(null);
        }
        else
        {
            bindingContext.ModelState.SetModelValue(bindingContext.ModelName, false, text);
            bindingContext.ModelState.TryAddModelError(
                bindingContext.ModelName,
                bindingContext.ModelMetadata.ModelBindingMessageProvider.AttemptedValueIsInvalidAccessor(text ?? string.Empty, bindingContext.ModelMetadata.GetDisplayName()));
            bindingContext.Result = ModelBindingResult.Failed();
        }

        return Task.CompletedTask;
    }
}

internal sealed class BooleanFieldBinderProvider : IModelBinderProvider
{
    private static readonly BooleanFieldBinder Binder = new();

    public IModelBinder? GetBinder(ModelBinderProviderContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Metadata.UnderlyingOrModelType == typeof(bool) ? Binder : null;
    }
}
